package io.kapture.testing;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Reads the descriptors bnd generates from a component's annotations ({@code OSGI-INF/<component>.xml} and
 * {@code OSGI-INF/metatype/<configuration>.xml}), so tests can check what SCR and the metatype service will see
 * without a framework. The descriptors are read from the class path of the class named, that is the module's
 * own output.
 *
 * <p>Stateless; safe from any thread.
 */
public final class ComponentDescriptors {

    private ComponentDescriptors() {
    }

    /** The root element of the component descriptor of {@code component}. */
    public static Element component(Class<?> component) {
        return read(component, "OSGI-INF/" + component.getName() + ".xml");
    }

    /** The root element of the metatype descriptor of the configuration annotation {@code config}. */
    public static Element metatype(Class<?> config) {
        return read(config, "OSGI-INF/metatype/" + config.getName() + ".xml");
    }

    /** The {@code <property>} elements of a component descriptor: name to value (text of multi-valued ones). */
    public static Map<String, String> properties(Element component) {
        Map<String, String> properties = new HashMap<>();
        for (Element property : elements(component, "property")) {
            properties.put(property.getAttribute("name"), property.hasAttribute("value")
                    ? property.getAttribute("value") : property.getTextContent().trim());
        }
        return properties;
    }

    /** The pid, or for a factory the factoryPid, a metatype descriptor designates. */
    public static String designatedPid(Element metatype) {
        Element designate = elements(metatype, "Designate").get(0);
        return designate.hasAttribute("factoryPid") ? designate.getAttribute("factoryPid")
                : designate.getAttribute("pid");
    }

    /** Every attribute definition's default as written (empty where there is none), by id. */
    public static Map<String, String> defaults(Element metatype) {
        Map<String, String> defaults = new HashMap<>();
        for (Element attribute : elements(metatype, "AD")) {
            defaults.put(attribute.getAttribute("id"), attribute.getAttribute("default"));
        }
        return defaults;
    }

    /** The ids of attribute definitions that have no description, which a console could only show bare. */
    public static List<String> undescribed(Element metatype) {
        List<String> undescribed = new ArrayList<>();
        for (Element attribute : elements(metatype, "AD")) {
            if (attribute.getAttribute("description").isBlank()) {
                undescribed.add(attribute.getAttribute("id"));
            }
        }
        return undescribed;
    }

    /** The elements of this name below {@code parent}, in document order. */
    public static List<Element> elements(Element parent, String name) {
        NodeList nodes = parent.getElementsByTagName(name);
        List<Element> elements = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            elements.add((Element) nodes.item(i));
        }
        return elements;
    }

    private static Element read(Class<?> owner, String resource) {
        try (InputStream xml = owner.getClassLoader().getResourceAsStream(resource)) {
            if (xml == null) {
                throw new IllegalStateException(resource + " was not generated: does bnd process " + owner.getName()
                        + "'s module?");
            }
            return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml).getDocumentElement();
        } catch (IOException | ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("cannot read " + resource + ": " + e.getMessage(), e);
        }
    }
}
