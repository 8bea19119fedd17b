package dev.ciscosupport.mcp.sandbox;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Orders software releases as people read them: 17.9.4 before 17.9.4a before 17.10.1; 9.3(9) before 9.3(10). */
final class Versions {
    static final Comparator<String> ORDER = Versions::compare;
    private static final Pattern TOKEN = Pattern.compile("\\d+|[A-Za-z]+");

    private Versions() {
    }

    static int compare(String a, String b) {
        List<String> x = tokens(a);
        List<String> y = tokens(b);
        for (int i = 0; i < Math.min(x.size(), y.size()); i++) {
            String p = x.get(i);
            String q = y.get(i);
            boolean pn = Character.isDigit(p.charAt(0));
            boolean qn = Character.isDigit(q.charAt(0));
            int c = pn && qn ? Long.compare(Long.parseLong(p), Long.parseLong(q))
                    : pn != qn ? (pn ? 1 : -1) : p.compareToIgnoreCase(q);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(x.size(), y.size());
    }

    private static List<String> tokens(String version) {
        List<String> out = new ArrayList<>();
        Matcher m = TOKEN.matcher(version);
        while (m.find()) {
            out.add(m.group().length() > 18 ? m.group().substring(0, 18) : m.group());
        }
        return out;
    }
}
