package io.sitechrome.internal.render;

/**
 * A per-request value inside otherwise cached output. Templates are rendered once per
 * variant with each slot's marker in place of its value; at request time the markers are
 * replaced by the request's escaped values.
 */
enum Slot {
    VISITOR_NAME, UNREAD_TEXT, UNREAD_COUNT, AVATAR_URL, RETURN_PATH, RETURN_PATH_PARAM, RETURN_URL_PARAM, NONCE;

    /** Private-use characters: HTML escaping leaves them alone and no real text contains them. */
    static final char START = '\uE000';
    private static final char FIRST_ID = '\uE100';
    /** After {@link #START}: the start character is the designer's own text, not a marker. */
    private static final char LITERAL = '\uE0FF';
    private static final Slot[] ALL = values();

    private final String marker = new String(new char[] {START, (char) (FIRST_ID + ordinal())});

    String marker() {
        return marker;
    }

    /** {@code text} with its own start characters marked literal, so that it can never form a marker. */
    static String literal(String text) {
        return text == null || text.indexOf(START) < 0 ? text : text.replace(String.valueOf(START), new String(new char[] {START, LITERAL}));
    }

    static boolean isLiteral(char id) {
        return id == LITERAL;
    }

    /** The slot whose id character is {@code id}, or null. */
    static Slot byId(char id) {
        int index = id - FIRST_ID;
        return index >= 0 && index < ALL.length ? ALL[index] : null;
    }
}
