package io.kapture.api.spi;

import io.kapture.api.PixelFormat;

/**
 * What a camera's configuration asks of a device.
 *
 * @param width           wanted pixels per line
 * @param height          wanted lines
 * @param pixelFormat     wanted encoding
 * @param framesPerSecond wanted frame rate; 0 means as fast as the device can
 */
public record FormatRequest(int width, int height, PixelFormat pixelFormat, double framesPerSecond) {
}
