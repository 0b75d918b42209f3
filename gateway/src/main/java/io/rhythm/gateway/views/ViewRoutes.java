package io.rhythm.gateway.views;

import java.util.regex.Pattern;

/** The paths the gateway answers itself (composed views) instead of forwarding them to one service. */
public final class ViewRoutes {

    private static final Pattern VIEWS = Pattern.compile(
            "/api/v1/(clients/[^/]+/360|command-centre|early-warnings|me/agenda)/?");

    private ViewRoutes() {
    }

    public static boolean serves(String path) {
        return path != null && VIEWS.matcher(path).matches();
    }
}
