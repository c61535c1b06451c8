package dev.keyway.integration;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * The Maven build these tests belong to, read from its POMs: the modules of the reactor and
 * the artifacts the BOM lists. The tests take the list of Keyway's jars from here rather than
 * from a list of their own, so a module added to the build is checked without touching them.
 * The root comes from the {@code keyway.root} system property, which integration-tests/pom.xml
 * sets for Surefire.
 */
final class Reactor {
    static final String GROUP_ID = "dev.keyway";

    /** A module of the reactor, as its POM declares it. */
    record Project(Path directory, String artifactId, String packaging, boolean published) {
    }

    private Reactor() {
    }

    /** The folder of the root POM. */
    static Path root() {
        String root = System.getProperty("keyway.root");
        if (root == null) {
            fail("keyway.root is not set: run the tests through Maven (integration-tests/pom.xml sets it)");
        }
        return Path.of(root).toAbsolutePath().normalize();
    }

    /** The artifact ids of group {@value #GROUP_ID} in the BOM's dependencyManagement, in its order. */
    static List<String> bomArtifactIds() {
        Element management = child(pom(root().resolve("bom/pom.xml")), "dependencyManagement")
                .flatMap(m -> child(m, "dependencies"))
                .orElseThrow(() -> new AssertionError("bom/pom.xml has no dependencyManagement"));
        List<String> ids = new ArrayList<>();
        for (Element dependency : children(management, "dependency")) {
            if (GROUP_ID.equals(text(dependency, "groupId").orElse(null))) {
                ids.add(text(dependency, "artifactId").orElseThrow());
            }
        }
        return ids;
    }

    /** The root POM's {@code <modules>}, each read from its own POM. */
    static List<Project> projects() {
        Element modules = child(pom(root().resolve("pom.xml")), "modules")
                .orElseThrow(() -> new AssertionError("the root pom.xml has no <modules>"));
        List<Project> all = new ArrayList<>();
        for (Element module : children(modules, "module")) {
            Path directory = root().resolve(module.getTextContent().trim());
            Element project = pom(directory.resolve("pom.xml"));
            // A module that skips deployment (the tests, the benchmarks) is no artifact a user can depend on.
            boolean published = !child(project, "properties").flatMap(p -> text(p, "maven.deploy.skip"))
                    .map(Boolean::parseBoolean).orElse(false);
            all.add(new Project(directory, text(project, "artifactId").orElseThrow(),
                    text(project, "packaging").orElse("jar"), published));
        }
        return all;
    }

    private static Element pom(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(in).getDocumentElement();
        } catch (IOException | ParserConfigurationException | SAXException e) {
            throw new AssertionError("cannot read " + file, e);
        }
    }

    /** The child elements of that name; only direct children, so a dependency's artifactId is not the project's. */
    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                found.add(e);
            }
        }
        return found;
    }

    private static Optional<Element> child(Element parent, String name) {
        return children(parent, name).stream().findFirst();
    }

    private static Optional<String> text(Element parent, String name) {
        return child(parent, name).map(e -> e.getTextContent().trim());
    }
}
