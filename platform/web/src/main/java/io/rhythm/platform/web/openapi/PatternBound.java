package io.rhythm.platform.web.openapi;

import java.util.OptionalInt;

/**
 * The longest string a regular expression can match, when the expression bounds it: {@code FY(20)?\d{2}} → 6,
 * {@code [0-9a-f]{64}} → 64, {@code UPDATE|REVIEW} → 6; {@code [a-z]+} → empty (unbounded). The OpenAPI filter
 * writes this as a pattern-only field's {@code maxLength}, so that the document states the bound the pattern
 * already enforces instead of the platform's generic string limit.
 *
 * <p>Understands what the services' {@code @Pattern}s use: literals and escapes, {@code .}, character classes
 * (nested ones included), groups ({@code (…)}, {@code (?:…)}, look-arounds count 0), alternation, anchors and
 * {@code \b}, and the quantifiers {@code ? * + {n} {n,} {n,m}} with their lazy/possessive forms. Anything it does
 * not understand (a back-reference, an unbalanced group) gives "unbounded": the generic limit stays.
 */
final class PatternBound {

    private static final int UNBOUNDED = -1;

    private final String regex;
    private int at;

    private PatternBound(String regex) {
        this.regex = regex;
    }

    static OptionalInt longestMatch(String regex) {
        if (regex == null) {
            return OptionalInt.empty();
        }
        try {
            PatternBound parser = new PatternBound(regex);
            int longest = parser.alternation();
            return longest == UNBOUNDED || parser.at != regex.length() ? OptionalInt.empty() : OptionalInt.of(longest);
        } catch (IllegalArgumentException | IndexOutOfBoundsException | ArithmeticException e) {
            return OptionalInt.empty();
        }
    }

    /** {@code a|b|c}: the longest branch. */
    private int alternation() {
        int longest = sequence();
        while (at < regex.length() && regex.charAt(at) == '|') {
            at++;
            longest = max(longest, sequence());
        }
        return longest;
    }

    /** Atoms with their quantifiers, up to {@code |} or {@code )}: their sum. */
    private int sequence() {
        int total = 0;
        while (at < regex.length() && regex.charAt(at) != '|' && regex.charAt(at) != ')') {
            total = plus(total, quantified(atom()));
        }
        return total;
    }

    private int atom() {
        char c = regex.charAt(at++);
        return switch (c) {
            case '^', '$' -> 0;
            case '[' -> characterClass();
            case '(' -> group();
            case '\\' -> escape();
            case '*', '+', '?', '{' -> throw new IllegalArgumentException("dangling quantifier");
            default -> 1;
        };
    }

    private int group() {
        boolean lookaround = false;
        if (regex.startsWith("?", at)) {
            if (regex.startsWith("?:", at)) {
                at += 2;
            } else if (regex.startsWith("?=", at) || regex.startsWith("?!", at)) {
                at += 2;
                lookaround = true;
            } else if (regex.startsWith("?<=", at) || regex.startsWith("?<!", at)) {
                at += 3;
                lookaround = true;
            } else {
                throw new IllegalArgumentException("unsupported group");
            }
        }
        int inner = alternation();
        if (at >= regex.length() || regex.charAt(at) != ')') {
            throw new IllegalArgumentException("unbalanced group");
        }
        at++;
        return lookaround ? 0 : inner;
    }

    /** {@code [...]}: one character, whatever the class holds (nested classes and escapes skipped over). */
    private int characterClass() {
        int depth = 1;
        if (regex.startsWith("^", at)) {
            at++;
        }
        if (regex.startsWith("]", at)) {
            at++;
        }
        while (depth > 0) {
            char c = regex.charAt(at++);
            if (c == '\\') {
                at++;
            } else if (c == '[') {
                depth++;
            } else if (c == ']') {
                depth--;
            }
        }
        return 1;
    }

    private int escape() {
        char c = regex.charAt(at++);
        if (c == 'b' || c == 'B' || c == 'A' || c == 'z' || c == 'Z' || c == 'G') {
            return 0;
        }
        if (Character.isDigit(c) || c == 'k') {
            throw new IllegalArgumentException("back-reference");
        }
        if (c == 'p' || c == 'P') {
            if (regex.startsWith("{", at)) {
                at = regex.indexOf('}', at) + 1;
            } else {
                at++;
            }
        } else if (c == 'x') {
            at = regex.startsWith("{", at) ? regex.indexOf('}', at) + 1 : at + 2;
        } else if (c == 'u') {
            at += 4;
        } else if (c == 'Q') {
            int end = regex.indexOf("\\E", at);
            int length = (end < 0 ? regex.length() : end) - at;
            at = end < 0 ? regex.length() : end + 2;
            return length;
        }
        return 1;
    }

    private int quantified(int length) {
        if (at >= regex.length()) {
            return length;
        }
        char c = regex.charAt(at);
        int result;
        if (c == '?') {
            at++;
            result = length;
        } else if (c == '*' || c == '+') {
            at++;
            result = length == 0 ? 0 : UNBOUNDED;
        } else if (c == '{') {
            int close = regex.indexOf('}', at);
            String[] bounds = regex.substring(at + 1, close).split(",", -1);
            at = close + 1;
            if (bounds.length == 1) {
                result = times(length, Integer.parseInt(bounds[0].trim()));
            } else if (bounds[1].isBlank()) {
                result = length == 0 ? 0 : UNBOUNDED;
            } else {
                result = times(length, Integer.parseInt(bounds[1].trim()));
            }
        } else {
            return length;
        }
        if (at < regex.length() && (regex.charAt(at) == '?' || regex.charAt(at) == '+')) {
            at++;
        }
        return result;
    }

    private static int plus(int a, int b) {
        return a == UNBOUNDED || b == UNBOUNDED ? UNBOUNDED : Math.addExact(a, b);
    }

    private static int times(int length, int count) {
        return length == UNBOUNDED ? UNBOUNDED : Math.multiplyExact(length, count);
    }

    private static int max(int a, int b) {
        return a == UNBOUNDED || b == UNBOUNDED ? UNBOUNDED : Math.max(a, b);
    }
}
