package org.uprflow.testing;

import java.util.List;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.LoggerFactory;

/**
 * What one class logged during a test, as its lines: {@code @RegisterExtension final LogLines log = new
 * LogLines(Some.class);} then {@code log.lines()}.
 */
public final class LogLines implements BeforeEachCallback, AfterEachCallback {

    private final Logger logger;
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

    public LogLines(Class<?> loggingClass) {
        this.logger = (Logger) LoggerFactory.getLogger(loggingClass);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        logged.list.clear();
        logged.start();
        logger.addAppender(logged);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        logger.detachAppender(logged);
        logged.stop();
    }

    /** The formatted messages, in order. */
    public List<String> lines() {
        return logged.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }
}
