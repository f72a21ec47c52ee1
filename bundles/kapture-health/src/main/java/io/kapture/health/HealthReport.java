package io.kapture.health;

import java.util.List;

/**
 * The result of one evaluation: healthy when no check failed.
 *
 * @param timeMillis wall-clock time of the evaluation, ms since the epoch
 * @param cameras    cameras looked at
 * @param running    of those, cameras running
 * @param problems   the failing checks, empty when healthy
 */
public record HealthReport(long timeMillis, int cameras, int running, List<HealthProblem> problems) {

    public HealthReport {
        problems = List.copyOf(problems);
    }

    /** Whether every check passed. */
    public boolean healthy() {
        return problems.isEmpty();
    }

    /**
     * The report as a JSON object: {@code {"status":"UP"|"DOWN","time":...,"cameras":n,"running":n,
     * "problems":[{"check":...,"subject":...,"reason":...}]}}.
     */
    public String toJson() {
        StringBuilder json = new StringBuilder(128 + 160 * problems.size());
        json.append("{\"status\":\"").append(healthy() ? "UP" : "DOWN").append("\",\"time\":").append(timeMillis)
                .append(",\"cameras\":").append(cameras).append(",\"running\":").append(running)
                .append(",\"problems\":[");
        for (int i = 0; i < problems.size(); i++) {
            HealthProblem problem = problems.get(i);
            json.append(i == 0 ? "{" : ",{");
            string(json.append("\"check\":"), problem.check());
            string(json.append(",\"subject\":"), problem.subject());
            string(json.append(",\"reason\":"), problem.reason());
            json.append('}');
        }
        return json.append("]}").toString();
    }

    private static void string(StringBuilder json, String value) {
        json.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == 0x2028 || c == 0x2029) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }
}
