package io.wksemu.binding;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.wksemu.error.DomainException;
import io.wksemu.error.ParserLocation;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Reads the JSON bodies of the admin API and fixture files into records, strictly: unknown fields, values of
 * the wrong type (no coercion of {@code "5"} to 5 or of 5 to {@code "5"}), duplicate keys and anything after
 * the document are errors. Every problem is said in the user's terms with the path of the offending entry
 * ({@code projects[0].daily_usage[1].usage_seconds: must be an integer}); no parser class or setting name
 * ever reaches the message (SEMANTICS.md section 7). Bean Validation constraints of the records are checked
 * one entry at a time, in document order, so that the problem reported is always the first one.
 */
@Singleton
public final class JsonBodies {

    private static final String AFTER_THE_DOCUMENT = ": unexpected content after the document.";

    private final ObjectMapper strict;
    private final Validator validator;

    public JsonBodies(ObjectMapper base, Validator validator) {
        this.validator = validator;
        ObjectMapper mapper = base.copy();
        mapper.configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
        mapper.configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, true);
        mapper.configure(DeserializationFeature.ACCEPT_FLOAT_AS_INT, false);
        mapper.configure(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY, false);
        mapper.configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false);
        mapper.configure(JsonParser.Feature.STRICT_DUPLICATE_DETECTION, true);
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Array, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Object, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Integer)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Boolean)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Collection)
                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.POJO)
                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        this.strict = mapper;
    }

    /**
     * The body as a {@code type}, or a {@link DomainException} of kind invalid input whose message is
     * {@code prefix} followed by the problem; {@code shape} says what the whole body must be, for a body that
     * is empty or not of the right shape at all.
     */
    public <T> T read(byte[] body, Class<T> type, String prefix, String shape) {
        if (body == null || isBlank(body)) {
            throw DomainException.invalid(prefix + "$: a JSON body is required");
        }
        T value;
        try (JsonParser parser = strict.createParser(body)) {
            value = strict.readValue(parser, type);
            // anything after the document, looked for here rather than recognised in a parser's message
            JsonToken trailing;
            try {
                trailing = parser.nextToken();
            } catch (JsonProcessingException garbage) {
                throw DomainException.invalid(prefix + ParserLocation.at(garbage, "Invalid JSON") + AFTER_THE_DOCUMENT);
            }
            if (trailing != null) {
                throw DomainException.invalid(prefix + ParserLocation.at(parser.currentTokenLocation(), "Invalid JSON")
                        + AFTER_THE_DOCUMENT);
            }
        } catch (IOException e) {
            throw DomainException.invalid(prefix + describe(e, shape));
        }
        if (value == null) {
            throw DomainException.invalid(prefix + "$: " + shape);
        }
        return value;
    }

    /**
     * The first constraint violation of one record, in the order of its components, said as
     * {@code path.field: message}; the record's nested records are not checked (their caller checks them in
     * document order).
     */
    public Optional<String> firstViolation(Object record, String path) {
        List<String> order = record.getClass().isRecord()
                ? Arrays.stream(record.getClass().getRecordComponents()).map(RecordComponent::getName).toList()
                : List.of();
        return validator.validate(record).stream()
                .min(Comparator.comparingInt((ConstraintViolation<Object> v) -> position(order, v))
                        .thenComparingInt(JsonBodies::presenceFirst)
                        .thenComparing(ConstraintViolation::getMessage))
                .map(v -> join(path, wireName(v.getPropertyPath())) + ": " + v.getMessage());
    }

    /** Throws the first violation of {@code record} as invalid input, prefixed by {@code prefix}. */
    public void check(Object record, String path, String prefix) {
        firstViolation(record, path).ifPresent(problem -> {
            throw DomainException.invalid(prefix + problem);
        });
    }

    /** On one field, "required" is said before any rule about the value. */
    private static int presenceFirst(ConstraintViolation<?> v) {
        Class<?> type = v.getConstraintDescriptor().getAnnotation().annotationType();
        return type == NotNull.class || type == NotEmpty.class || type == NotBlank.class ? 0 : 1;
    }

    private static int position(List<String> order, ConstraintViolation<?> v) {
        String first = null;
        for (Path.Node node : v.getPropertyPath()) {
            first = node.getName();
            break;
        }
        int at = order.indexOf(first);
        return at < 0 ? Integer.MAX_VALUE : at;
    }

    private static String wireName(Path path) {
        StringBuilder out = new StringBuilder();
        for (Path.Node node : path) {
            if (node.getName() == null) {
                continue;
            }
            if (!out.isEmpty()) {
                out.append('.');
            }
            out.append(PropertyNamingStrategies.SnakeCaseStrategy.INSTANCE.translate(node.getName()));
            if (node.getIndex() != null) {
                out.append('[').append(node.getIndex()).append(']');
            }
        }
        return out.toString();
    }

    private static String join(String path, String field) {
        if (path == null || path.isEmpty()) {
            return field.isEmpty() ? "$" : field;
        }
        return field.isEmpty() ? path : path + "." + field;
    }

    /** The problem and where it is, in the user's terms: never the parser's own wording. */
    public static String describe(Throwable failure, String shape) {
        Throwable cause = failure;
        if (failure instanceof JsonMappingException mapping && !(failure instanceof MismatchedInputException)
                && mapping.getCause() instanceof JsonProcessingException inner) {
            cause = inner; // a parser problem met while binding a field: report it with the field's path
        }
        String path = failure instanceof JsonMappingException mapping ? path(mapping.getPath()) : "";
        if (cause instanceof StreamConstraintsException) {
            return ParserLocation.at(cause, "Invalid JSON") + ": the document is nested too deeply or holds a number or string too long.";
        }
        if (cause instanceof InputCoercionException) {
            return (path.isEmpty() ? "$" : path) + ": number out of range.";
        }
        if (failure instanceof UnrecognizedPropertyException unknown) {
            return path + ": unknown field (allowed: " + allowed(unknown.getKnownPropertyIds()) + ")";
        }
        if (failure instanceof MismatchedInputException mismatch) {
            if (path.isEmpty()) {
                return "$: " + shape;
            }
            return path + ": " + expected(mismatch.getTargetType());
        }
        if (cause instanceof JsonProcessingException json) {
            // a duplicate key is a plain JsonParseException in Jackson 2: only its fixed text tells it apart
            String message = String.valueOf(json.getOriginalMessage());
            if (message.startsWith("Duplicate field")) {
                return ParserLocation.at(json, "Invalid JSON") + ": a field is given twice.";
            }
            if (json instanceof JsonEOFException) {
                return ParserLocation.at(json, "Invalid JSON") + ": the document ends too early.";
            }
            return ParserLocation.at(json, "Invalid JSON") + ".";
        }
        return "Invalid JSON.";
    }

    private static String path(List<JsonMappingException.Reference> references) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference ref : references) {
            if (ref.getFieldName() != null) {
                if (!out.isEmpty()) {
                    out.append('.');
                }
                out.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                out.append('[').append(ref.getIndex()).append(']');
            }
        }
        return out.toString();
    }

    private static String allowed(Collection<Object> known) {
        return known == null ? "" : known.stream().map(String::valueOf).collect(Collectors.toCollection(TreeSet::new))
                .stream().collect(Collectors.joining(", "));
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "wrong type.";
        }
        if (type == String.class) {
            return "must be a string";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "must be an integer";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "must be true or false";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "must be an array";
        }
        return "must be a JSON object";
    }

    private static boolean isBlank(byte[] body) {
        for (byte b : body) {
            if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
                return false;
            }
        }
        return true;
    }
}
