package io.wksemu.error;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;

/** Where in a JSON document a problem is, in the user's words: the line and column, never the parser's text. */
public final class ParserLocation {

    private ParserLocation() {
    }

    /** {@code what}, with the parser's line and column when it knows them. */
    public static String at(Throwable failure, String what) {
        return at(failure instanceof JsonProcessingException json ? json.getLocation() : null, what);
    }

    /** {@code what}, with the line and column of {@code location} when it is known. */
    public static String at(JsonLocation location, String what) {
        return location == null || location.getLineNr() < 0 ? what
                : what + " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }
}
