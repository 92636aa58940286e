package dev.streamcast.app.http;

import dev.streamcast.app.record.ForecastJson;

/** One HTTP answer before it is written: status, content type, body, and a Retry-After when it is worth retrying. */
record Reply(int status, String contentType, String body, int retryAfterSeconds) {

    static final String JSON = "application/json; charset=utf-8";

    /** {@code body} must be JSON; its {@code <>&} (only possible inside strings) become unicode escapes. */
    static Reply json(int status, String body) {
        return new Reply(status, JSON, htmlSafe(body), 0);
    }

    static Reply error(int status, String message) {
        return new Reply(status, JSON, "{\"error\":" + quote(message) + "}", 0);
    }

    /** A 503 that tells clients (and the dashboard) when to come back. */
    static Reply unavailable(String message, int retryAfterSeconds) {
        return new Reply(503, JSON, "{\"error\":" + quote(message) + ",\"retry_after_s\":" + retryAfterSeconds + "}",
                retryAfterSeconds);
    }

    static Reply text(int status, String body) {
        return new Reply(status, "text/plain; charset=utf-8", body, 0);
    }

    /** A JSON string literal, escaped per RFC 8259, plus {@code <>&} as unicode escapes so it is inert inside HTML. */
    static String quote(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 8);
        ForecastJson.appendString(sb, s);
        return htmlSafe(sb.toString());
    }

    /** Same JSON value, but no markup characters: a series name can never become a tag, even if mis-served. */
    static String htmlSafe(String json) {
        if (json.indexOf('<') < 0 && json.indexOf('>') < 0 && json.indexOf('&') < 0) {
            return json;
        }
        return json.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
    }

    static String number(double d) {
        return Double.isFinite(d) ? Double.toString(d) : "null";
    }
}
