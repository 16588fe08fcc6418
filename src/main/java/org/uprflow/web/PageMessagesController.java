package org.uprflow.web;

import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.TreeMap;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

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
    ResponseEntity<Map<String, String>> pageMessages(Locale locale) {
        ResourceBundle bundle = ResourceBundle.getBundle("messages", locale, NO_SYSTEM_LOCALE);
        Map<String, String> texts = new TreeMap<>();
        for (String key : bundle.keySet()) {
            if (key.startsWith(PREFIX)) {
                texts.put(key, bundle.getString(key));
            }
        }
        return ResponseEntity.ok().cacheControl(CacheControl.noCache())
                .header("Content-Language", bundle.getLocale().toLanguageTag().isEmpty() ? "en"
                        : bundle.getLocale().toLanguageTag())
                .body(texts);
    }
}
