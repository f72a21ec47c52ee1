package io.kapture.mqtt.internal.command;

import java.time.Instant;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;

import io.kapture.mqtt.internal.BridgeView;
import io.kapture.mqtt.internal.MqttBridge;

/**
 * {@code kapture:mqtt}: the MQTT bridge's connection, broker, last error and counters. Never prints a password:
 * the settings line comes from a description that leaves passwords out. Failures throw Karaf's {@link CommandException}
 * (one line, no stack trace; ssh exec and bin/client exit 1), as every kapture: command does.
 *
 * <p>Threading contract: Karaf runs one action instance per invocation on the session's thread.
 */
@Service
@Command(scope = "kapture", name = "mqtt", description = "Shows the MQTT bridge's connection and counters",
        detailedDescription = "Broker, node, prefix, whether connected and since when, the last connection error, "
                + "messages out and in, messages buffered while disconnected and dropped because the buffer was "
                + "full. Configure the bridge with configuration io.kapture.mqtt (config:meta io.kapture.mqtt).")
public class MqttCommand implements Action {

    @Reference(optional = true)
    MqttBridge bridge;

    @Override
    public Object execute() throws CommandException {
        if (bridge == null) {
            throw new CommandException("The MQTT bridge is not running; install feature kapture-mqtt");
        }
        BridgeView view = bridge.view();
        if (view.settingsError().isPresent()) {
            throw new CommandException("The MQTT bridge's configuration io.kapture.mqtt is refused: "
                    + view.settingsError().get());
        }
        System.out.println(view.settings().orElse("MQTT"));
        if (!view.active()) {
            System.out.println("Not connected: set server.uri in configuration " + MqttBridge.PID
                    + " (config:edit io.kapture.mqtt; config:property-set server.uri tcp://host:1883; config:update)");
            return null;
        }
        System.out.println(view.features());
        System.out.println((view.connected() ? "connected since " : "disconnected since ")
                + Instant.ofEpochMilli(view.sinceMillis()));
        System.out.println("last error: " + view.lastError().orElse("none"));
        System.out.printf("messages out %d, in %d, motion events %d%n", view.published(), view.received(),
                view.motionEvents());
        System.out.printf("queued %d, buffered %d (%d bytes), dropped %d (buffer full), stats superseded %d, "
                + "incoming dropped %d%n", view.offered(), view.buffered(), view.bufferedBytes(), view.dropped(),
                view.superseded(), view.inboxDropped());
        System.out.println("recordings: " + view.recorder());
        return null;
    }
}
