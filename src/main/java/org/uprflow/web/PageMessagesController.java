package org.uprflow.web;

import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.TreeMap;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

/**
 * The texts of the platform's pages ({@code page.*} keys of the message bundle) in the language the
 * browser asks for, so that the pages' JavaScript holds no English of its own.
 */
@RestController
class PageMessagesController {

    private static final String PREFIX = "page.";
    private static final ResourceBundle.Control NO_SYSTEM_LOCALE =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    @GetMapping("/api/messages")
    @Operation(summary = "Texts of the platform's pages in the language of Accept-Language (English, French, Spanish)")
    ResponseEntity<Map<String, String>> pageMessages(Locale locale, WebRequest request) {
        ResourceBundle bundle = ResourceBundle.getBundle("messages", locale, NO_SYSTEM_LOCALE);
        Map<String, String> texts = new TreeMap<>();
        for (String key : bundle.keySet()) {
            if (key.startsWith(PREFIX)) {
                texts.put(key, bundle.getString(key));
            }
        }
        String language = bundle.getLocale().toLanguageTag().isEmpty() ? "en" : bundle.getLocale().toLanguageTag();
        // Revalidated on every page load, and a 304 while the texts are unchanged: a repeat visit on a
        // slow link moves a few hundred bytes instead of the texts again (docs/network.md). Weak, because
        // Tomcat leaves an answer with a strong entity tag uncompressed.
        String etag = "W/\"" + language + "-" + Integer.toHexString(texts.hashCode()) + "\"";
        if (request.checkNotModified(etag)) {
            return null;
        }
        return ResponseEntity.ok().cacheControl(CacheControl.noCache()).eTag(etag)
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE)
                .header(HttpHeaders.CONTENT_LANGUAGE, language)
                .body(texts);
    }
}
