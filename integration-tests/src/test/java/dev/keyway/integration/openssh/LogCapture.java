package dev.keyway.integration.openssh;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Every record that goes through {@link System.Logger} while it is open, at every level: a
 * handler on the java.util.logging root logger, which is set to {@link Level#ALL}. Keyway logs
 * through {@code System.Logger}, and the JDK's default {@link System.LoggerFinder} hands its
 * records to java.util.logging; whether that holds here (another finder on the class path
 * would take them elsewhere) is proved when the capture opens, with a TRACE record that must
 * arrive. So a capture that sees nothing cannot pass for one that saw no secret.
 */
final class LogCapture implements AutoCloseable {
    private final Logger root = Logger.getLogger("");
    private final Level rootLevel = root.getLevel();
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();
    private final SimpleFormatter formatter = new SimpleFormatter();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            records.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    private LogCapture() {
        handler.setLevel(Level.ALL);
        root.addHandler(handler);
        root.setLevel(Level.ALL);
    }

    /** Starts capturing; fails if a TRACE record sent through {@code System.Logger} does not arrive. */
    static LogCapture open() {
        LogCapture capture = new LogCapture();
        String canary = "canary " + UUID.randomUUID();
        System.getLogger("dev.keyway.integration.canary").log(System.Logger.Level.TRACE, "{0}", canary);
        if (capture.records.stream().noneMatch(r -> capture.formatter.formatMessage(r).equals(canary))) {
            capture.close();
            throw new AssertionError("System.Logger's TRACE records do not reach java.util.logging here (the finder is "
                    + System.LoggerFinder.getLoggerFinder().getClass().getName() + "): nothing would be checked");
        }
        return capture;
    }

    /**
     * All there is to read in every record: the logger's name, the message as the code wrote it
     * and as a formatter fills it in, each parameter on its own (as a structured backend would
     * keep it), and any exception with its causes and stack trace.
     */
    String text() {
        StringBuilder all = new StringBuilder();
        for (LogRecord r : records) {
            all.append(r.getLevel()).append(' ').append(r.getLoggerName()).append('\n')
                    .append(r.getMessage()).append('\n').append(formatter.formatMessage(r)).append('\n');
            for (Object p : r.getParameters() == null ? new Object[0] : r.getParameters()) {
                all.append(Arrays.deepToString(new Object[] {p})).append('\n');
            }
            if (r.getThrown() != null) {
                StringWriter trace = new StringWriter();
                r.getThrown().printStackTrace(new PrintWriter(trace));
                all.append(trace).append('\n');
            }
        }
        return all.toString();
    }

    /** The filled-in messages of the loggers whose names start with {@code prefix}, in order. */
    List<String> messages(String prefix) {
        return records.stream().filter(r -> r.getLoggerName() != null && r.getLoggerName().startsWith(prefix))
                .map(formatter::formatMessage).toList();
    }

    @Override
    public void close() {
        root.removeHandler(handler);
        root.setLevel(rootLevel);
    }
}
