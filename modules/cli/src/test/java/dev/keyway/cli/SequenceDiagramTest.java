package dev.keyway.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * What a server writes reaches the drawing as text: PlantUML neither runs its preprocessor
 * functions nor acts on its Creole markup (images, links, styles).
 */
class SequenceDiagramTest {

    @Test
    void serverTextIsDrawnAsWrittenAndNothingElse() throws Exception {
        String hostile = "<img:/etc/hostname> [[http://evil.example/ click]] %date() %getenv(\"HOME\") $x"
                + " **bold** //italic// --struck-- __under__ ~~wave~~ ~<color:red>red \\n back\\slash";
        SequenceDiagram diagram = new SequenceDiagram();
        diagram.group("Disconnect");
        diagram.message("server", "client", hostile);
        diagram.note("both", "line one\nline two");
        ByteArrayOutputStream svg = new ByteArrayOutputStream();
        diagram.writeSvg(svg);
        String drawn = svg.toString(StandardCharsets.UTF_8);

        assertTrue(drawn.contains(">" + hostile.replace("<", "&lt;").replace(">", "&gt;") + "</text>"),
                "the text as written, in:\n" + drawn);
        assertFalse(drawn.contains("<a "), "no link");
        assertFalse(drawn.contains("<image"), "no image");
        assertFalse(drawn.contains("text-decoration"), "no style");
        assertTrue(drawn.contains(">line one<") && drawn.contains(">line two<"), "a line break is a line break");
    }
}
