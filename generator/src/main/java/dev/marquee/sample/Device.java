package dev.marquee.sample;

enum Device {
    TV("TV", 0.05),
    MOBILE("Mobile", -0.09),
    TABLET("Tablet", -0.02),
    LAPTOP("Laptop", 0.0),
    CONSOLE("Console", 0.03);

    final String label;
    /** Added to a title's completion rate: people finish more on the big screen. */
    final double completionShift;

    Device(String label, double completionShift) {
        this.label = label;
        this.completionShift = completionShift;
    }
}
