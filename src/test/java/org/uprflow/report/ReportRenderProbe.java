package org.uprflow.report;

import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * Renders the real-size report's draft PDF (benchmark case 10's content, {@link RealSizeReport}) in
 * process, one render after another, and prints for each the CPU time of the rendering thread, the
 * process's CPU time (with the JIT and the garbage collector), the bytes the thread allocated and the
 * PDF's size. CPU, not wall time, since the machine it runs on may be shared. Not a test: run it with
 * {@code java -cp target/classes:target/test-classes:<dependencies> org.uprflow.report.ReportRenderProbe [renders] [lang]}
 * ({@code mvn dependency:build-classpath} prints the dependencies). {@code -Dprobe.jfr=file} records the later
 * half of the renders with JFR's profiling settings; {@code -Dprobe.pdf=file} writes one more render's PDF.
 */
final class ReportRenderProbe {

    private ReportRenderProbe() {
    }

    public static void main(String[] args) {
        int renders = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        Locale locale = Locale.forLanguageTag(args.length > 1 ? args[1] : "en");
        MidTermReport report = RealSizeReport.build();
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long thread = Thread.currentThread().getId();
        ReportPdf pdf = new ReportPdf(new ReportDocument(ReportPdfTest.messages()));
        double[] threadCpu = new double[renders];
        double[] processCpu = new double[renders];
        double[] megabytes = new double[renders];
        jdk.jfr.Recording recording = null;
        for (int i = 1; i <= renders; i++) {
            if (i == renders / 2 + 1 && System.getProperty("probe.jfr") != null) {
                recording = startRecording();
            }
            long cpu = threads.getCurrentThreadCpuTime();
            long process = os.getProcessCpuTime();
            long allocated = threads.getThreadAllocatedBytes(thread);
            long wall = System.nanoTime();
            byte[] bytes = pdf.render(report, locale);
            threadCpu[i - 1] = (threads.getCurrentThreadCpuTime() - cpu) / 1e6;
            processCpu[i - 1] = (os.getProcessCpuTime() - process) / 1e6;
            megabytes[i - 1] = (threads.getThreadAllocatedBytes(thread) - allocated) / 1e6;
            System.out.printf(Locale.ROOT, "render %2d: thread CPU %6.0f ms, process CPU %6.0f ms, wall %6.0f ms, "
                    + "allocated %5.0f MB, PDF %4.0f kB, load %.1f%n", i, threadCpu[i - 1], processCpu[i - 1],
                    (System.nanoTime() - wall) / 1e6, megabytes[i - 1], bytes.length / 1e3, os.getSystemLoadAverage());
        }
        if (recording != null) {
            try {
                recording.dump(java.nio.file.Path.of(System.getProperty("probe.jfr")));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        String out = System.getProperty("probe.pdf");
        if (out != null) {
            try {
                java.nio.file.Files.write(java.nio.file.Path.of(out), pdf.render(report, locale));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        int from = renders / 2;
        System.out.printf(Locale.ROOT, "renders %d-%d: median thread CPU %.0f ms, median process CPU %.0f ms, "
                + "median allocated %.0f MB, load %.1f%n", from + 1, renders, median(threadCpu, from),
                median(processCpu, from), median(megabytes, from), os.getSystemLoadAverage());
    }

    /** JFR's profiling settings over the later renders only (the JIT has compiled the hot code by then). */
    private static jdk.jfr.Recording startRecording() {
        try {
            jdk.jfr.Recording recording = new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("profile"));
            recording.start();
            return recording;
        } catch (java.io.IOException | java.text.ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    private static double median(double[] values, int from) {
        double[] later = java.util.Arrays.copyOfRange(values, from, values.length);
        java.util.Arrays.sort(later);
        return later[later.length / 2];
    }
}
