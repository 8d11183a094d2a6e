package dev.marquee.engine;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A JDBC URL as it may be shown in a message or a log: the user name and password before the host, and the value of
 * every parameter whose name speaks of a secret (password, token, secret, credential, key, in any case, in the
 * {@code ?a=b&c=d} and {@code ;a=b} forms) or is {@code user} replaced by {@value #HIDDEN}. Host, port, catalog, schema and the other
 * parameters stay, so the message still says which server it is about.
 */
public final class EngineUrl {

    public static final String HIDDEN = "***";

    private static final Pattern SECRET_NAME = Pattern.compile("password|token|secret|credential|key|^user$", Pattern.CASE_INSENSITIVE);
    private static final Pattern PARAMETER_NAME = Pattern.compile("[A-Za-z0-9_.\\-%]+");
    /** A host (name, IPv4 or [IPv6]) with an optional port, then the end of the authority. */
    private static final Pattern HOST = Pattern.compile("(\\[[0-9A-Fa-f:.]+]|[A-Za-z0-9.\\-]+)(:\\d*)?(?=[/?;#]|$)");
    /** In free text (a driver's message): user information before a host, and secret parameters. */
    private static final Pattern TEXT_USER_INFO = Pattern.compile("([A-Za-z][A-Za-z0-9+.\\-]*://)[^\\s/@]+@");
    private static final Pattern TEXT_SECRET_PARAMETER = Pattern.compile(
            "([?&;][^=&;?#\\s]*(?i:password|token|secret|credential|key)[^=&;?#\\s]*=)[^&;\\s]*");

    private EngineUrl() {
    }

    /** The URL with its credentials hidden. */
    public static String redacted(String url) {
        if (url == null) {
            return null;
        }
        int slashes = url.indexOf("//");
        if (slashes < 0) {
            return hideParameters(url);
        }
        int authority = slashes + 2;
        int at = userInfoEnd(url, authority);
        String head = at < 0 ? url.substring(0, authority) : url.substring(0, authority) + HIDDEN;
        int rest = at < 0 ? authority : at;
        return head + hideParameters(url.substring(rest));
    }

    /** True when the URL carries a user name or password before its host ({@code //user:password@host}). */
    public static boolean hasUserInfo(String url) {
        int slashes = url.indexOf("//");
        return slashes >= 0 && userInfoEnd(url, slashes + 2) >= 0;
    }

    /**
     * A message with the URL's credentials hidden wherever they appear: the URL itself, and anything that looks like
     * user information or a secret parameter (a driver may quote a URL of its own).
     */
    public static String redactedIn(String text, String url) {
        if (text == null) {
            return null;
        }
        String result = url == null || url.isEmpty() ? text : text.replace(url, redacted(url));
        result = TEXT_USER_INFO.matcher(result).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + HIDDEN + "@"));
        return TEXT_SECRET_PARAMETER.matcher(result).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + HIDDEN));
    }

    /**
     * Where the user information ends (the index of its '@'), or -1. A password may itself hold '@', '/', '=' or '?',
     * so the '@' taken is the last one before the query ('?') that is followed by a host and the end of the authority;
     * failing that, the last such '@' after a '?' that is not inside a {@code name=value} parameter. A stray '@'
     * hides too much rather than too little.
     */
    private static int userInfoEnd(String url, int authority) {
        int query = url.indexOf('?', authority);
        int found = -1;
        for (int at = url.indexOf('@', authority); at >= 0; at = url.indexOf('@', at + 1)) {
            if (!HOST.matcher(url).region(at + 1, url.length()).lookingAt()) {
                continue;
            }
            if (query < 0 || at < query) {
                found = at;
            } else if (found < 0 || found > query) {
                int separator = Math.max(url.lastIndexOf('?', at), Math.max(url.lastIndexOf('&', at), url.lastIndexOf(';', at)));
                if (url.substring(separator + 1, at).indexOf('=') < 0) {
                    found = at;
                }
            }
        }
        return found;
    }

    /**
     * Hides the values of secret parameters. Parts are separated by the first '?', every '&' and every ';'; a part that
     * is not {@code name=value} right after a secret one continues its value (Trino's extraCredentials separate their
     * pairs with ';', and a password may hold '&') and is hidden with it.
     */
    private static String hideParameters(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean inQuery = false;
        boolean inSecret = false;
        int start = 0;
        while (start <= text.length()) {
            int end = start;
            while (end < text.length() && !(text.charAt(end) == '&' || text.charAt(end) == ';'
                    || text.charAt(end) == '?' && !inQuery)) {
                end++;
            }
            String part = text.substring(start, end);
            int equals = part.indexOf('=');
            String name = equals < 0 ? "" : part.substring(0, equals);
            if (equals > 0 && PARAMETER_NAME.matcher(name).matches()) {
                inSecret = SECRET_NAME.matcher(decoded(name)).find();
                out.append(name).append('=').append(inSecret ? HIDDEN : part.substring(equals + 1));
            } else if (inSecret) {
                out.append(HIDDEN);
            } else {
                out.append(part);
            }
            if (end < text.length()) {
                inQuery |= text.charAt(end) == '?';
                out.append(text.charAt(end));
            }
            start = end + 1;
        }
        return out.toString();
    }

    private static String decoded(String name) {
        try {
            return URLDecoder.decode(name, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return name.toLowerCase(Locale.ROOT);
        }
    }
}
