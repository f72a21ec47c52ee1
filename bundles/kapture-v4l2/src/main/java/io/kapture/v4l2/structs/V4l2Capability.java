package io.kapture.v4l2.structs;

import com.sun.jna.Pointer;

import io.kapture.v4l2.AbiName;
import io.kapture.v4l2.V4l2;

/** {@code struct v4l2_capability}, filled by {@code VIDIOC_QUERYCAP}. Not thread-safe, see {@link NativeStruct}. */
public final class V4l2Capability extends NativeStruct {
    @AbiName("sizeof(struct v4l2_capability)")
    public static final int SIZE = 104;
    @AbiName("offsetof(struct v4l2_capability, driver)")
    public static final int DRIVER = 0;
    @AbiName("sizeof(((struct v4l2_capability *) 0)->driver)")
    public static final int DRIVER_LENGTH = 16;
    @AbiName("offsetof(struct v4l2_capability, card)")
    public static final int CARD = 16;
    @AbiName("sizeof(((struct v4l2_capability *) 0)->card)")
    public static final int CARD_LENGTH = 32;
    @AbiName("offsetof(struct v4l2_capability, bus_info)")
    public static final int BUS_INFO = 48;
    @AbiName("sizeof(((struct v4l2_capability *) 0)->bus_info)")
    public static final int BUS_INFO_LENGTH = 32;
    @AbiName("offsetof(struct v4l2_capability, version)")
    public static final int VERSION = 80;
    @AbiName("offsetof(struct v4l2_capability, capabilities)")
    public static final int CAPABILITIES = 84;
    @AbiName("offsetof(struct v4l2_capability, device_caps)")
    public static final int DEVICE_CAPS = 88;

    public V4l2Capability() {
        super(SIZE);
    }

    private V4l2Capability(Pointer pointer) {
        super(pointer, SIZE);
    }

    /** A view over a struct somebody else allocated. */
    public static V4l2Capability at(Pointer pointer) {
        return new V4l2Capability(pointer);
    }

    public String driver() {
        return getString(DRIVER, DRIVER_LENGTH);
    }

    public void driver(String value) {
        setString(DRIVER, DRIVER_LENGTH, value);
    }

    public String card() {
        return getString(CARD, CARD_LENGTH);
    }

    public void card(String value) {
        setString(CARD, CARD_LENGTH, value);
    }

    public String busInfo() {
        return getString(BUS_INFO, BUS_INFO_LENGTH);
    }

    public void busInfo(String value) {
        setString(BUS_INFO, BUS_INFO_LENGTH, value);
    }

    public int version() {
        return getInt(VERSION);
    }

    public void version(int value) {
        setInt(VERSION, value);
    }

    /** The capabilities of the whole physical device (all its nodes). */
    public int capabilities() {
        return getInt(CAPABILITIES);
    }

    public void capabilities(int value) {
        setInt(CAPABILITIES, value);
    }

    public int deviceCaps() {
        return getInt(DEVICE_CAPS);
    }

    public void deviceCaps(int value) {
        setInt(DEVICE_CAPS, value);
    }

    /** The capabilities of this node: {@code device_caps} where the driver fills it, else {@code capabilities}. */
    public int nodeCaps() {
        return (capabilities() & V4l2.CAP_DEVICE_CAPS) != 0 ? deviceCaps() : capabilities();
    }
}
