package dev.coachkit.adapters.messaging.mail;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.coachkit.application.notification.port.out.Mailer;
import dev.coachkit.application.notification.port.out.Mailer.Email;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** {@link LoggingMailer}: delivery is one INFO log event, read back from the text a developer sees. */
class LoggingMailerTest extends MailerContract {

    private static final Pattern HEADER = Pattern.compile("E-mail \\(logged, not sent\\) to (.+?), subject: (.*)");

    private final Logger logger = (Logger) LoggerFactory.getLogger(LoggingMailer.class);
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final LoggingMailer mailer = new LoggingMailer();

    @BeforeEach
    void capture_log() {
        appender.start();
        logger.addAppender(appender);
    }

    @AfterEach
    void release_log() {
        logger.detachAppender(appender);
    }

    @Override
    protected Mailer mailer() {
        return mailer;
    }

    @Override
    protected List<ReceivedEmail> delivered() {
        return appender.list.stream().map(LoggingMailerTest::received).toList();
    }

    private static ReceivedEmail received(ILoggingEvent event) {
        assertThat(event.getLevel()).isEqualTo(Level.INFO);
        List<String> lines = Arrays.asList(event.getFormattedMessage().split("\n", -1));
        Matcher header = HEADER.matcher(lines.get(0));
        assertThat(header.matches()).as("header line: %s", lines.get(0)).isTrue();
        String body = lines.subList(1, lines.size()).stream()
                .peek(line -> assertThat(line).startsWith(LoggingMailer.BODY_PREFIX))
                .map(line -> line.substring(LoggingMailer.BODY_PREFIX.length()))
                .collect(Collectors.joining("\n"));
        return new ReceivedEmail(header.group(1), header.group(2), body);
    }

    @Test
    void body_cannot_forge_log_lines_or_terminal_escapes() {
        mailer.send(new Email("zoe@example.com", "Hi \u001b[2J",
                "click https://coachkit.test/x\r\n12:00:00.000 ERROR [main] forged - line\u001b[31m"));

        assertThat(appender.list).hasSize(1);
        String shown = appender.list.get(0).getFormattedMessage();
        assertThat(shown.split("\n")).containsExactly(
                "E-mail (logged, not sent) to zoe@example.com, subject: Hi \\u001b[2J",
                LoggingMailer.BODY_PREFIX + "click https://coachkit.test/x",
                LoggingMailer.BODY_PREFIX + "12:00:00.000 ERROR [main] forged - line\\u001b[31m");
    }
}
