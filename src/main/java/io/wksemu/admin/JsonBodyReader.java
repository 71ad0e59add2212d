package io.wksemu.admin;

import io.wksemu.binding.JsonBodies;
import io.wksemu.fixture.FixtureDocument;
import io.wksemu.fixture.FixtureParser;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

/**
 * Binds every admin body record of the emulator, whatever {@code Content-Type} says (SEMANTICS.md section 7:
 * admin bodies are JSON), strictly, and checks its Bean Validation constraints field by field in the order of
 * its components. A fixture document is only bound here: {@link FixtureParser} checks its entries in document
 * order when it resolves them.
 */
@Provider
@Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
public class JsonBodyReader implements MessageBodyReader<Record> {

    private static final String SHAPE = "must be a JSON object";

    private final JsonBodies bodies;

    public JsonBodyReader(JsonBodies bodies) {
        this.bodies = bodies;
    }

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type.isRecord() && type.getName().startsWith("io.wksemu.");
    }

    @Override
    public Record readFrom(Class<Record> type, Type genericType, Annotation[] annotations, MediaType mediaType,
            MultivaluedMap<String, String> httpHeaders, InputStream entityStream) throws IOException, WebApplicationException {
        byte[] body = entityStream.readAllBytes();
        if (FixtureDocument.class.equals(type)) {
            return bodies.read(body, FixtureDocument.class, FixtureParser.INVALID, FixtureDocument.SHAPE);
        }
        Record value = bodies.read(body, type, "", SHAPE);
        bodies.check(value, "", "");
        return value;
    }
}
