package io.kapture.itests;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.osgi.framework.Bundle;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Malformed values for every attribute of a metatype object class definition, read from the XML its bundle ships
 * ({@code OSGI-INF/metatype/<pid>.xml}): text where a number belongs, numbers just and far outside the declared
 * range (seeded random), fractions for whole numbers, NaN and infinity, text for booleans, numbers for text,
 * names outside the declared options, empty text for required attributes. Only types Configuration Admin
 * accepts are used, as a .cfg file or a console would give them.
 *
 * <p>Stateless apart from the seeded random numbers; used on the test thread.
 */
final class MetatypeFuzz {

    /** One attribute as the metatype declares it. */
    record Attribute(String id, String type, String min, String max, boolean required, boolean multiple,
            List<String> options) {
    }

    private MetatypeFuzz() {
    }

    /** The attributes of the object class definition {@code pid} in {@code bundle}'s metatype. */
    static List<Attribute> attributes(Bundle bundle, String pid) throws IOException {
        URL entry = bundle.getEntry("OSGI-INF/metatype/" + pid + ".xml");
        if (entry == null) {
            throw new AssertionError(bundle.getSymbolicName() + " ships no metatype for " + pid);
        }
        Document document;
        try (InputStream in = entry.openStream()) {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            document = factory.newDocumentBuilder().parse(in);
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException("cannot read the metatype of " + pid + ": " + e.getMessage(), e);
        }
        List<Attribute> attributes = new ArrayList<>();
        NodeList definitions = document.getElementsByTagName("AD");
        for (int i = 0; i < definitions.getLength(); i++) {
            Element definition = (Element) definitions.item(i);
            List<String> options = new ArrayList<>();
            NodeList optionElements = definition.getElementsByTagName("Option");
            for (int o = 0; o < optionElements.getLength(); o++) {
                options.add(((Element) optionElements.item(o)).getAttribute("value"));
            }
            String cardinality = definition.getAttribute("cardinality");
            attributes.add(new Attribute(definition.getAttribute("id"), definition.getAttribute("type"),
                    definition.getAttribute("min"), definition.getAttribute("max"),
                    !"false".equals(definition.getAttribute("required")),
                    !cardinality.isEmpty() && !"0".equals(cardinality), options));
        }
        return attributes;
    }

    /** Malformed values for {@code attribute}, each paired with its id. */
    static List<Map.Entry<String, Object>> malformed(Attribute attribute, Random random) {
        List<Object> values = new ArrayList<>();
        switch (attribute.type()) {
            case "Integer", "Long", "Short", "Byte" -> {
                values.addAll(List.of("abc", "", "1.5", "12px", Boolean.TRUE, 2.5d, "9223372036854775808"));
                if (!attribute.min().isEmpty()) {
                    long min = Long.parseLong(attribute.min());
                    values.addAll(List.of(min - 1, String.valueOf(min - 1 - random.nextInt(1_000_000))));
                }
                if (!attribute.max().isEmpty()) {
                    long max = Long.parseLong(attribute.max());
                    values.addAll(List.of(max + 1, String.valueOf(max + 1 + random.nextInt(1_000_000))));
                }
            }
            case "Double", "Float" -> {
                values.addAll(List.of("fast", "", "NaN", "Infinity", Double.NaN, Double.NEGATIVE_INFINITY,
                        Boolean.TRUE));
                if (!attribute.min().isEmpty()) {
                    values.add(Double.parseDouble(attribute.min()) - 0.5 - random.nextInt(1000));
                }
                if (!attribute.max().isEmpty()) {
                    values.add(String.valueOf(Double.parseDouble(attribute.max()) + 0.5 + random.nextInt(1000)));
                }
            }
            case "Boolean" -> values.addAll(List.of("yes", "", "1", 1, 0L));
            default -> {
                values.add(42);
                values.add(Boolean.FALSE);
                if (!attribute.options().isEmpty()) {
                    values.add("Qx" + Integer.toString(random.nextInt(1 << 20), 36));
                }
                if (attribute.required()) {
                    values.addAll(List.of("", "   "));
                }
                if (attribute.multiple()) {
                    values.addAll(List.of("brightness=abc", new String[] {"=5"}, new String[] {"contrast"},
                            new Integer[] {1, 2}));
                }
            }
        }
        List<Map.Entry<String, Object>> pairs = new ArrayList<>();
        values.forEach(value -> pairs.add(Map.entry(attribute.id(), value)));
        return pairs;
    }
}
