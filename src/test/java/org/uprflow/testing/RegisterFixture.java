package org.uprflow.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** Moves the register and matrix tests make over HTTP, as the country's users would. */
public final class RegisterFixture {

    public static final String HEADER = "Recommendation,Recommending State,State under review,Response,Issues,"
            + "Action category\n";

    private final World world;

    public RegisterFixture(World world) {
        this.world = world;
    }

    public static String recommendations(String country, int cycle) {
        return "/api/countries/" + country + "/cycles/" + cycle + "/recommendations";
    }

    /** Uploads {@code csv} to the country's cycle as {@code caller}. */
    public static Http.Response importFile(Http.Caller caller, String country, int cycle, byte[] csv) {
        return upload(caller, recommendations(country, cycle) + "/import", "recommendations.csv", csv);
    }

    /**
     * Uploads a file to {@code path} (the one-step import or the previews) with form fields such
     * as {@code encoding=UTF-8} or {@code mapping=text=Recommendation made}.
     */
    public static Http.Response upload(Http.Caller caller, String path, String fileName, byte[] content,
            String... fields) {
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return fileName;
            }
        });
        for (String field : fields) {
            int equals = field.indexOf('=');
            form.add(field.substring(0, equals), field.substring(equals + 1));
        }
        return caller.postForm(path, form, MediaType.MULTIPART_FORM_DATA);
    }

    public static byte[] utf8(String csv) {
        return csv.getBytes(StandardCharsets.UTF_8);
    }

    /** Kenya's programme manager adds a recommendation by hand; its id. */
    public String create(int cycle, String text, String theme) {
        world.ensureCycle("KE", cycle);
        Http.Response created = world.as(World.KE_MANAGER).postJson(recommendations("KE", cycle), """
                {"text":"%s","recommendingState":"Chile","themes":["%s"],"actionCategory":4}
                """.formatted(text, theme));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    /** How many recommendations the cycle holds, as the admin sees it. */
    public int total(String country, int cycle) {
        return world.admin().get(recommendations(country, cycle) + "?size=1").json().get("total").asInt();
    }

    /** The details of the cycle's audit events, newest first. */
    public List<String> auditDetails(String country, int cycle) {
        return auditEvents(country, cycle).findValuesAsText("detail");
    }

    public List<String> auditActions(String country, int cycle) {
        return auditEvents(country, cycle).findValuesAsText("action");
    }

    private JsonNode auditEvents(String country, int cycle) {
        return world.admin().get("/api/countries/" + country + "/audit?cycle=" + cycle + "&size=200").json();
    }
}
