package io.wksemu.binding;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import jakarta.validation.MessageInterpolator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/**
 * Bean Validation's messages here are literal texts (the admin bodies' rules, with their entry paths added by
 * {@link JsonBodies}): they use neither Expression Language nor {@code {parameter}} placeholders. Hibernate
 * Validator's default interpolator would set up Expression Language at start (about a tenth of a second on
 * the start's critical path) for nothing; this one resolves the same texts without it.
 */
public class LiteralMessages {

    @Produces
    @Singleton
    MessageInterpolator interpolator() {
        return new ParameterMessageInterpolator();
    }
}
