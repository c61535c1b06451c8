package dev.keyway.cli;

import java.io.IOException;
import java.io.OutputStream;
import net.sourceforge.plantuml.FileFormat;
import net.sourceforge.plantuml.FileFormatOption;
import net.sourceforge.plantuml.SourceStringReader;

/**
 * The session as a PlantUML sequence diagram, like the one the course notes are written in:
 * one group per phase, an arrow per message, a note per local step. Rendered to SVG with
 * PlantUML's MIT-licensed library.
 */
final class SequenceDiagram {
    private final StringBuilder source = new StringBuilder(
            "@startuml\nskinparam responseMessageBelowArrow true\nparticipant Client\nparticipant Server\n");
    private boolean inGroup;

    void group(String title) {
        if (inGroup) {
            source.append("end\n");
        }
        source.append("group ").append(escape(title)).append('\n');
        inGroup = true;
    }

    void message(String from, String to, String text) {
        source.append(participant(from)).append(" -> ").append(participant(to)).append(" : ")
                .append(escape(text)).append('\n');
    }

    void note(String who, String text) {
        String over = who.equals("both") ? "Client, Server" : participant(who);
        source.append("note over ").append(over).append(" : ").append(escape(text)).append('\n');
    }

    /** The PlantUML source. */
    String source() {
        return source + (inGroup ? "end\n" : "") + "@enduml\n";
    }

    void writeSvg(OutputStream out) throws IOException {
        new SourceStringReader(source()).outputImage(out, new FileFormatOption(FileFormat.SVG));
    }

    private static String participant(String side) {
        return side.equals("client") ? "Client" : "Server";
    }

    /**
     * One diagram line per entry, shown as written. Much of the text is the server's, and
     * PlantUML reads more than text in it. Its preprocessor calls the built-in functions a
     * {@code %} starts anywhere in a line ({@code %load_json}, {@code %getenv}, {@code %date}),
     * and its Creole markup acts on the rest: {@code <img:FILE or URL>} loads an image into the
     * drawing, {@code [[URL]]} makes a link, {@code **}, {@code //}, {@code ""}, {@code --},
     * {@code __} and {@code ~~} change the style, {@code \n} breaks the line. So {@code %},
     * {@code $} and {@code ~} are written as Creole character references ({@code <U+0025>}),
     * which the preprocessor does not read, a backslash is doubled, a line break becomes
     * {@code \n}, and the other markup characters are escaped with Creole's {@code ~}.
     */
    private static String escape(String text) {
        StringBuilder b = new StringBuilder(text.length());
        text.chars().forEach(c -> {
            switch (c) {
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '%', '$', '~' -> b.append(String.format("<U+%04X>", c));
                case '<', '[', '*', '/', '"', '-', '_' -> b.append('~').append((char) c);
                default -> b.append((char) c);
            }
        });
        return b.toString();
    }
}
