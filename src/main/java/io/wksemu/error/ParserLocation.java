package io.wksemu.error;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;

/** Where in a JSON document a problem is, in the user's words: the line and column, never the parser's text. */
public final class ParserLocation {

    private ParserLocation() {
    }

    /** {@code what}, with the parser's line and column when it knows them. */
    public static String at(Throwable failure, String what) {
        JsonLocation location = failure instanceof JsonProcessingException json ? json.getLocation() : null;
        return location == null || location.getLineNr() < 0 ? what
                : what + " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }
}
