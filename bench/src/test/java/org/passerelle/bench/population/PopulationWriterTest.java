package org.passerelle.bench.population;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;
import org.junit.jupiter.api.Test;
import org.passerelle.bench.scenario.Users;

class PopulationWriterTest {
    private final Users users = new Users("u%d", "p%d", "example.org");

    @Test
    void ringRostersAreSymmetricDistinctAndOfTheRequestedSize() {
        PopulationWriter w = new PopulationWriter(users, 200, 50);
        for (int i = 0; i < 200; i++) {
            int[] c = w.contactsOf(i);
            Set<Integer> distinct = new HashSet<>();
            for (int x : c) {
                distinct.add(x);
                assertThat(x).isNotEqualTo(i);
                assertThat(w.contactsOf(x)).contains(i);
            }
            assertThat(distinct).hasSize(50);
        }
    }

    @Test
    void writesXep0227UsersWithPasswordsAndRosters() throws Exception {
        StringWriter out = new StringWriter();
        new PopulationWriter(users, 5, 2).write(out);
        XMLStreamReader r = XMLInputFactory.newFactory().createXMLStreamReader(new StringReader(out.toString()));
        Map<String, String> passwords = new HashMap<>();
        Map<String, List<String>> rosters = new HashMap<>();
        String host = null;
        String user = null;
        while (r.hasNext()) {
            if (r.next() != XMLStreamConstants.START_ELEMENT) continue;
            switch (r.getLocalName()) {
                case "server-data" -> assertThat(r.getNamespaceURI()).isEqualTo(PopulationWriter.PIE_NS);
                case "host" -> host = r.getAttributeValue(null, "jid");
                case "user" -> {
                    user = r.getAttributeValue(null, "name");
                    passwords.put(user, r.getAttributeValue(null, "password"));
                    rosters.put(user, new ArrayList<>());
                }
                case "item" -> {
                    assertThat(r.getNamespaceURI()).isEqualTo("jabber:iq:roster");
                    assertThat(r.getAttributeValue(null, "subscription")).isEqualTo("both");
                    rosters.get(user).add(r.getAttributeValue(null, "jid"));
                }
                default -> { }
            }
        }
        assertThat(host).isEqualTo("example.org");
        assertThat(passwords).hasSize(5).containsEntry("u3", "p3");
        assertThat(rosters.get("u0")).containsExactlyInAnyOrder("u4@example.org", "u1@example.org");
    }

    @Test
    void onlyTheRingHasRosters() {
        PopulationWriter w = new PopulationWriter(users, 1000, 50, 100);
        assertThat(w.contactsOf(99)).hasSize(50).contains(0, 98).doesNotContain(100, 149);
        assertThat(w.contactsOf(100)).isEmpty();
    }

    @Test
    void rejectsImpossibleRosters() {
        assertThatThrownBy(() -> new PopulationWriter(users, 50, 50)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PopulationWriter(users, 500, 7)).isInstanceOf(IllegalArgumentException.class);
    }
}
