import java.net.HttpURLConnection;
import java.net.URI;

/**
 * The container's health check: the image has no shell and no curl, so a container runtime that wants a
 * command (podman, compose) runs this class with the image's own Java. Exits 0 when the URL answers 200 within
 * three seconds, 1 otherwise; without an argument it asks readiness on the port of {@code SERVER_PORT} (8080). Kubernetes probes the same endpoints over HTTP and does not need it.
 */
public final class HealthProbe {

    private HealthProbe() {
    }

    public static void main(String[] args) {
        String port = System.getenv().getOrDefault("SERVER_PORT", "8080");
        String url = args.length > 0 ? args[0] : "http://127.0.0.1:" + port + "/actuator/health/readiness";
        try {
            HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
            c.setConnectTimeout(3000);
            c.setReadTimeout(3000);
            int status = c.getResponseCode();
            System.out.println(url + " " + status);
            System.exit(status == 200 ? 0 : 1);
        } catch (Exception e) {
            System.out.println(url + " " + e);
            System.exit(1);
        }
    }
}
