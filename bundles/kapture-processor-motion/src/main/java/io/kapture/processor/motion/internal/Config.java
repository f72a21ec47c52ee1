package io.kapture.processor.motion.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * One motion detector's configuration: factory PID {@code io.kapture.processor.motion}, one factory configuration
 * per watched camera. A change restarts the detector (ending a motion period in progress).
 */
@ObjectClassDefinition(name = "Kapture motion detector",
        description = "Watches one camera for motion by comparing each frame's luma, cell by cell, with a reference"
                + " that follows the scene, and posts EventAdmin events io/kapture/motion/START and END.")
@interface Config {

    @AttributeDefinition(name = "Camera",
            description = "Name of the camera to watch, as in its io.kapture.camera configuration. Required.")
    String camera();

    @AttributeDefinition(name = "Threshold", min = "1", max = "255",
            description = "How far, in luma levels (0 to 255), a cell's mean brightness must differ from the"
                    + " reference to count as changed. Higher values ignore more sensor noise and flicker.")
    int threshold() default 20;

    @AttributeDefinition(name = "Minimum area (%)", min = "0.01", max = "100",
            description = "Share of the region of interest, in percent, whose cells must change for a frame to"
                    + " count as moving. Raise it to ignore small things such as leaves or insects.")
    double min_area_percent() default 0.5;

    @AttributeDefinition(name = "Region of interest",
            description = "The part of the frame to watch as 'x,y,width,height' in percent of the frame's width"
                    + " and height: '0,0,100,100' is the whole frame, '0,50,100,50' its lower half.")
    String roi() default "0,0,100,100";

    @AttributeDefinition(name = "Cell size (pixels)", min = "1", max = "64",
            description = "The frame is downsampled to square cells of this many pixels a side, and cells are"
                    + " compared by their mean luma. Larger cells are faster and less noisy; smaller ones find"
                    + " smaller objects.")
    int cell_size() default 8;

    @AttributeDefinition(name = "Adaptation", min = "0.004", max = "1",
            description = "Weight of each new frame in the reference, from 0.004 to 1. 1 compares every frame"
                    + " with the previous one (plain frame differencing); smaller values compare with a"
                    + " background that absorbs changes over about 1/adaptation frames.")
    double adaptation() default 0.1;

    @AttributeDefinition(name = "Quiet time (ms)", min = "0", max = "3600000",
            description = "Motion ends once no frame has moved for this many milliseconds of capture time.")
    long quiet_ms() default 1000;
}
