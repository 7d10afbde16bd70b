package org.pacekpi.sandbox.internal.web;

import java.util.Set;
import java.util.regex.Pattern;

/** HTML helpers for the dashboard page. */
public final class Html {

    /** ASCII form of the HTML spec's valid custom element name: lower case, starts with a letter, has a hyphen. */
    private static final Pattern CUSTOM_ELEMENT = Pattern.compile("[a-z][a-z0-9._]*-[a-z0-9._-]*");
    /** Names the HTML spec reserves although they match the pattern. */
    private static final Set<String> RESERVED = Set.of("annotation-xml", "color-profile", "font-face",
            "font-face-src", "font-face-uri", "font-face-format", "font-face-name", "missing-glyph");

    private Html() {
    }

    /** Escapes text for element content and quoted attribute values. */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** True if the name can be used as a custom element's tag. */
    public static boolean isCustomElementName(String name) {
        return name != null && CUSTOM_ELEMENT.matcher(name).matches() && !RESERVED.contains(name);
    }

    /**
     * True if the URL may be loaded as a widget module: a path on this server ({@code /...}, not {@code //host}) or
     * an http(s) URL. Anything else (javascript:, data:) is refused.
     */
    public static boolean isModuleUrl(String url) {
        if (url == null || url.isBlank() || url.chars().anyMatch(c -> c <= ' ')) {
            return false;
        }
        return (url.startsWith("/") && !url.startsWith("//")) || url.startsWith("https://") || url.startsWith("http://");
    }
}
