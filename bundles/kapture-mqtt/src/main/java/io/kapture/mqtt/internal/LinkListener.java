package io.kapture.mqtt.internal;

/**
 * What the {@link Link} tells the rest of the bridge.
 *
 * <p>Threading contract: {@link #connected} runs on the link's thread; {@link #arrived} runs on Paho's callback
 * thread. Neither may block: both only hand work over.
 */
interface LinkListener {

    /** Connected and subscribed; the online status is already published. */
    void connected();

    /** A message arrived on one of the subscriptions. */
    void arrived(String topic, byte[] payload, boolean retained);
}
