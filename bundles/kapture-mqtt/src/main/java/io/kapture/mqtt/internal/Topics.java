package io.kapture.mqtt.internal;

import java.util.Optional;

/**
 * The topic names of one node, and the checks that keep hostile names out: a camera or node name becomes one topic
 * level, so it must not contain {@code /}, the wildcards {@code +} and {@code #}, NUL or other control characters,
 * and must not be {@code .} or {@code ..} (which some bridges and file-backed tools read as paths).
 *
 * <p>Immutable; safe from any thread.
 */
final class Topics {

    /** Verbs of {@code <prefix>/<camera>/cmd/<verb>}. */
    static final String CMD = "cmd";
    static final String REPLY = "reply";

    private final String prefix;
    private final String fleetPrefix;

    Topics(String prefix, String fleetPrefix) {
        this.prefix = prefix;
        this.fleetPrefix = fleetPrefix;
    }

    String status() {
        return prefix + "/status";
    }

    String state(String camera) {
        return prefix + "/" + camera + "/state";
    }

    String stats(String camera) {
        return prefix + "/" + camera + "/stats";
    }

    String motion(String camera) {
        return prefix + "/" + camera + "/motion";
    }

    /** Retained: what the camera's recorders do. */
    String recorder(String camera) {
        return prefix + "/" + camera + "/recorder";
    }

    /** Not retained: one notice per finished recording. */
    String recording(String camera) {
        return prefix + "/" + camera + "/recording";
    }

    String snapshotNotice(String camera) {
        return prefix + "/" + camera + "/snapshot";
    }

    String snapshotJpeg(String camera) {
        return prefix + "/" + camera + "/snapshot/jpeg";
    }

    String commandFilter() {
        return prefix + "/+/" + CMD + "/+";
    }

    String reply(String camera, String verb) {
        return prefix + "/" + camera + "/" + CMD + "/" + verb + "/" + REPLY;
    }

    String nodeConfigFilter() {
        return prefix + "/config/+";
    }

    String fleetConfigFilter() {
        return fleetPrefix + "/config/+";
    }

    String reported(String camera) {
        return prefix + "/config/" + camera + "/reported";
    }

    /** A command topic as camera and verb, if it is one of ours (one level each). */
    Optional<String[]> command(String topic) {
        String head = prefix + "/";
        if (!topic.startsWith(head)) {
            return Optional.empty();
        }
        String[] rest = topic.substring(head.length()).split("/", -1);
        return rest.length == 3 && rest[1].equals(CMD) ? Optional.of(new String[] { rest[0], rest[2] })
                : Optional.empty();
    }

    /** The camera of a node-specific desired configuration topic. */
    Optional<String> nodeConfig(String topic) {
        return single(topic, prefix + "/config/");
    }

    /** The camera of a fleet-wide desired configuration topic. */
    Optional<String> fleetConfig(String topic) {
        return single(topic, fleetPrefix + "/config/");
    }

    private static Optional<String> single(String topic, String head) {
        if (!topic.startsWith(head)) {
            return Optional.empty();
        }
        String rest = topic.substring(head.length());
        return rest.indexOf('/') < 0 ? Optional.of(rest) : Optional.empty();
    }

    /** Whether {@code name} can be one topic level naming a camera or node. */
    static boolean isLevel(String name) {
        if (name == null || name.isEmpty() || name.length() > 200 || name.equals(".") || name.equals("..")) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '/' || c == '+' || c == '#' || Character.isISOControl(c) || Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /** Refuses a prefix that is not a plain topic: empty levels, wildcards, a leading {@code $}. */
    static void checkPrefix(String key, String prefix) {
        if (prefix.isEmpty() || prefix.startsWith("$")) {
            throw new IllegalArgumentException(key + " '" + prefix + "' must be a topic such as kapture/node1, "
                    + "not empty and not starting with '$'");
        }
        for (String level : prefix.split("/", -1)) {
            if (!isLevel(level)) {
                throw new IllegalArgumentException(key + " '" + prefix + "' has an empty level or one with '+', "
                        + "'#', '..' or control characters; write levels such as kapture/node1");
            }
        }
    }
}
