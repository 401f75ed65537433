package dev.switchboard.release;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * What Maven Central requires of every published pom, checked over the reactor's pom files: each
 * published module (one without {@code maven.deploy.skip}) has its own name and description, and a
 * url, licenses, scm and developers of its own or from a parent in the reactor; the BOM lists every
 * published jar.
 */
final class PublishedPoms {
  /** Elements each published module must state itself. */
  static final List<String> OWN = List.of("name", "description");

  /** Elements each published module must state or inherit from a parent in the reactor. */
  static final List<String> INHERITED = List.of("url", "licenses", "scm", "developers");

  private PublishedPoms() {}

  /** A pom file of the reactor, parsed. */
  private record Pom(Path file, Element project) {
    String child(String name) {
      return direct(project, name).map(Node::getTextContent).orElse("").strip();
    }

    boolean has(String name) {
      return direct(project, name).isPresent();
    }

    boolean published() {
      return direct(project, "properties")
          .flatMap(properties -> direct(properties, "maven.deploy.skip"))
          .map(skip -> !skip.getTextContent().strip().equals("true"))
          .orElse(true);
    }

    String packaging() {
      String packaging = child("packaging");
      return packaging.isEmpty() ? "jar" : packaging;
    }
  }

  /** Every problem of the reactor rooted at {@code root}, one line each; empty when ready. */
  static List<String> problems(Path root) throws IOException {
    Map<Path, Pom> poms = new LinkedHashMap<>();
    Pom top = read(root.resolve("pom.xml"));
    poms.put(top.file().normalize(), top);
    for (Element module : children(direct(top.project(), "modules").orElseThrow(), "module")) {
      Path file = root.resolve(module.getTextContent().strip()).resolve("pom.xml");
      poms.put(file.normalize(), read(file));
    }
    List<String> problems = new ArrayList<>();
    List<String> jars = new ArrayList<>();
    Pom bom = null;
    for (Pom pom : poms.values()) {
      if (!pom.published()) {
        continue;
      }
      String where = root.relativize(pom.file()).toString();
      for (String name : OWN) {
        if (pom.child(name).isEmpty()) {
          problems.add(where + " lacks <" + name + ">");
        }
      }
      for (String name : INHERITED) {
        if (!hasOrInherits(pom, name, poms)) {
          problems.add(where + " lacks <" + name + ">, and no parent in the reactor gives it");
        }
      }
      if (pom.packaging().equals("jar")) {
        jars.add(pom.child("artifactId"));
      }
      if (pom.child("artifactId").endsWith("-bom")) {
        bom = pom;
      }
    }
    if (bom == null) {
      problems.add("no published BOM (an artifactId ending in -bom) in the reactor");
    } else {
      List<String> listed = new ArrayList<>();
      direct(bom.project(), "dependencyManagement")
          .flatMap(management -> direct(management, "dependencies"))
          .ifPresent(
              dependencies ->
                  children(dependencies, "dependency")
                      .forEach(
                          d ->
                              direct(d, "artifactId")
                                  .ifPresent(a -> listed.add(a.getTextContent().strip()))));
      for (String jar : jars) {
        if (!listed.contains(jar)) {
          problems.add(root.relativize(bom.file()) + " does not list " + jar);
        }
      }
    }
    return problems;
  }

  private static boolean hasOrInherits(Pom pom, String name, Map<Path, Pom> poms) {
    for (Pom current = pom; current != null; current = parent(current, poms)) {
      if (current.has(name)) {
        return true;
      }
    }
    return false;
  }

  /** The parent pom when it is a pom of the reactor, by its relative path. */
  private static Pom parent(Pom pom, Map<Path, Pom> poms) {
    Optional<Element> parent = direct(pom.project(), "parent");
    if (parent.isEmpty()) {
      return null;
    }
    String relative =
        direct(parent.get(), "relativePath").map(Node::getTextContent).orElse("../pom.xml").strip();
    Path file = pom.file().getParent().resolve(relative);
    if (Files.isDirectory(file)) {
      file = file.resolve("pom.xml");
    }
    return poms.get(file.normalize());
  }

  private static Pom read(Path file) throws IOException {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      Document document = factory.newDocumentBuilder().parse(file.toFile());
      return new Pom(file.normalize(), document.getDocumentElement());
    } catch (ParserConfigurationException | SAXException e) {
      throw new IOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  private static Optional<Element> direct(Element parent, String name) {
    List<Element> found = children(parent, name);
    return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
  }

  private static List<Element> children(Element parent, String name) {
    List<Element> found = new ArrayList<>();
    NodeList nodes = parent.getChildNodes();
    for (int i = 0; i < nodes.getLength(); i++) {
      if (nodes.item(i) instanceof Element element && element.getTagName().equals(name)) {
        found.add(element);
      }
    }
    return found;
  }
}
