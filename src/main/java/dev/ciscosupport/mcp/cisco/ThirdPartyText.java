package dev.ciscosupport.mcp.cisco;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * Text written by others (Cisco's bug descriptions, case notes, advisory summaries) as it may reach a model: without
 * the characters that change what a reader sees or what a model reads without showing themselves. Removed: control
 * characters but line breaks and tabs, zero-width characters, bidirectional overrides and isolates (which can make
 * text display differently from what it says), the byte order mark, and Unicode tag characters (which can carry
 * instructions no person sees). Everything else, letters of every script included, is kept as it is.
 */
public final class ThirdPartyText {
    private ThirdPartyText() {
    }

    /** {@code text} with the hidden characters removed (the same string when there are none). */
    public static String clean(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            int next = i + Character.charCount(c);
            if (hidden(c)) {
                if (out == null) {
                    out = new StringBuilder(text.length()).append(text, 0, i);
                }
            } else if (out != null) {
                out.appendCodePoint(c);
            }
            i = next;
        }
        return out == null ? text : out.toString();
    }

    /** The tree with every string value (and field name) cleaned; the same tree when nothing needed it. */
    public static JsonNode clean(JsonNode node) {
        if (node instanceof ObjectNode object) {
            ObjectNode copy = object.objectNode();
            boolean changed = false;
            for (var field : object.properties()) {
                String name = clean(field.getKey());
                JsonNode value = clean(field.getValue());
                changed |= !name.equals(field.getKey()) || value != field.getValue();
                copy.set(name, value);
            }
            return changed ? copy : object;
        }
        if (node instanceof ArrayNode array) {
            ArrayNode copy = array.arrayNode();
            boolean changed = false;
            for (JsonNode item : array) {
                JsonNode value = clean(item);
                changed |= value != item;
                copy.add(value);
            }
            return changed ? copy : array;
        }
        if (node != null && node.isString()) {
            String cleaned = clean(node.asString());
            return cleaned.equals(node.asString()) ? node : StringNode.valueOf(cleaned);
        }
        return node;
    }

    private static boolean hidden(int c) {
        if (c == '\n' || c == '\t') {
            return false;
        }
        return Character.getType(c) == Character.CONTROL // C0, DEL and C1, carriage returns included
                || c >= 0x200B && c <= 0x200F // zero-width space, non-joiner, joiner; left-to-right and right-to-left marks
                || c >= 0x202A && c <= 0x202E // bidirectional embeddings and overrides
                || c >= 0x2060 && c <= 0x2064 // word joiner and invisible operators
                || c >= 0x2066 && c <= 0x2069 // bidirectional isolates
                || c == 0x061C // Arabic letter mark
                || c == 0xFEFF // byte order mark, zero-width no-break space
                || c >= 0xE0000 && c <= 0xE007F; // tag characters
    }
}
