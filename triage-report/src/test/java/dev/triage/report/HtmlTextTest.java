package dev.triage.report;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class HtmlTextTest {
    @Test
    void markupQuotesAndEntitiesAreEscaped() {
        assertEquals("&lt;img src=x onerror=&quot;a(&#39;b&#39;)&quot;&gt; &amp; &#96;t&#96;",
                HtmlText.escape("<img src=x onerror=\"a('b')\"> & `t`"));
    }

    @Test
    void lineBreaksAndTabsAreSpacesAndOtherControlsVisible() {
        assertEquals("a b c d", HtmlText.escape("a\nb\r\tc\nd".replace("\r\t", "\t")));
        assertEquals("x\\u001b[31my\\u0085z\\u2028\\u202e", HtmlText.escape("x\u001b[31my\u0085z\u2028\u202e"));
        assertEquals("", HtmlText.escape(null));
    }
}
