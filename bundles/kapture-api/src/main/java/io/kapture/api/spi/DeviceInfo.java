package io.kapture.api.spi;

import java.util.List;

/**
 * What a capture device says about itself.
 *
 * @param device       the name to configure a camera with: {@code /dev/video0}, {@code synthetic}, ...
 * @param driver       the driver's name
 * @param card         the device's human-readable name
 * @param bus          where it is attached ({@code usb-0000:00:14.0-1}, {@code platform:vivid-000}, ...)
 * @param stableNames  names that survive re-plugging ({@code /dev/v4l/by-id/...}); may be empty
 * @param capture      whether it can capture video (rather than only metadata, output, ...)
 * @param capabilities the device's capabilities in words ({@code video-capture}, {@code streaming}, ...)
 */
public record DeviceInfo(String device, String driver, String card, String bus, List<String> stableNames,
        boolean capture, List<String> capabilities) {

    public DeviceInfo {
        stableNames = List.copyOf(stableNames);
        capabilities = List.copyOf(capabilities);
    }
}
