package io.kapture.synthetic.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/**
 * The synthetic camera's own keys, as tools show them ({@code config:meta io.kapture.camera.synthetic}). They are
 * set in a camera's configuration ({@code io.kapture.camera~<name>}, device {@code synthetic...}), which reaches
 * the provider as the {@code open} options; {@link SyntheticOptions} reads them, and a test holds the two to the
 * same keys and defaults. The engine's camera metatype describes the camera keys only.
 */
@ObjectClassDefinition(id = SyntheticCameraConfig.PID, name = "Kapture synthetic camera options",
        description = "Keys of a synthetic camera (device synthetic or synthetic:<name>). Set them in the camera's "
                + "own configuration, io.kapture.camera~<name>, next to its device and format; this PID itself is "
                + "never read.")
@interface SyntheticCameraConfig {

    /** The PID the options are listed under; no configuration of that PID is read. */
    String PID = "io.kapture.camera.synthetic";

    @AttributeDefinition(name = "Pattern", required = false, description = "The test image.",
            options = { @Option(label = "Colour bars", value = "bars"), @Option(label = "Moving box", value = "box"),
                    @Option(label = "Bars with a moving box", value = "bars+box"),
                    @Option(label = "Noise", value = "noise") })
    String synthetic_pattern() default "bars+box";

    @AttributeDefinition(name = "Fault: lost after", required = false, min = "0",
            description = "Act as if unplugged after this many frames; 0 never.")
    long synthetic_fault_lost_after() default 0;

    @AttributeDefinition(name = "Fault: return after (ms)", required = false, min = "0",
            description = "How long a lost device stays away before it can be opened again; 0 at once.")
    long synthetic_fault_return_after_ms() default 0;

    @AttributeDefinition(name = "Fault: corrupt every", required = false, min = "0",
            description = "Flag every n-th frame as corrupted; 0 never.")
    int synthetic_fault_corrupt_every() default 0;

    @AttributeDefinition(name = "Fault: jitter (ms)", required = false, min = "0", max = "60000",
            description = "Delay each frame randomly by up to this much; 0 none.")
    int synthetic_fault_jitter_ms() default 0;
}
