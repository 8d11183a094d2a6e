package dev.marquee.sample;

/**
 * A country members come from. {@code share} is its weight among signups at the start of the period and
 * {@code growth} how fast that weight grows per year (log scale), so fast-growing markets gain share over
 * time. Plan and device mixes are weights in {@link Plan} and {@link Device} order.
 */
record Country(String name, Region region, double share, double growth, int utcOffsetMinutes, boolean southern,
               double[] planMix, double[] deviceMix) {

    Country {
        if (planMix.length != Plan.values().length || deviceMix.length != Device.values().length) {
            throw new IllegalArgumentException("plan or device mix of " + name + " has the wrong length");
        }
    }
}
