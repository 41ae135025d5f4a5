package dev.triage.analysis.model;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A framework method's return value as a sink: what an app handler method returns, the framework writes or acts on
 * (a Spring MVC handler's {@code @ResponseBody} String is written to the response; a returned view name is resolved
 * as a template or a redirect).
 *
 * @param kind             the sink kind (a key of {@code sink-rules})
 * @param methodAnnotated  the app method carries one of these annotations (descriptors): it is a handler
 * @param ifAnnotated      the method or its class must carry one of these (descriptors); empty: no condition
 * @param unlessAnnotated  not a sink when the method or its class carries one of these (descriptors)
 * @param types            the method's declared return type, as a JVM descriptor or, for a generic type, its signature
 *                         ({@code Lorg/springframework/http/ResponseEntity<Ljava/lang/String;>;})
 * @param unlessProduces   not a sink when the {@code produces} media types of the method's mapping annotation (else
 *                         its class's) all match this; null: no condition
 * @param ifPrefix         a sink only when the returned text's known prefix starts with a match; null: no condition
 * @param unlessPrefix     not a sink when the returned text's known prefix starts with a match; null: no condition
 * @param what             how messages name the sink ("the response body")
 */
public record ReturnRow(String kind, List<String> methodAnnotated, List<String> ifAnnotated, List<String> unlessAnnotated,
                        List<String> types, Pattern unlessProduces, Pattern ifPrefix, Pattern unlessPrefix, String what,
                        String provenance, String file) {
}
