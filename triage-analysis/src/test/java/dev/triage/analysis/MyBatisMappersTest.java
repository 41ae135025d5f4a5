package dev.triage.analysis;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Mapper XML is hostile input: read without DTDs or entities, bounded; statements and their ${} names. */
class MyBatisMappersTest {
    private static final String DOCTYPE =
            "<!DOCTYPE mapper PUBLIC \"-//mybatis.org//DTD Mapper 3.0//EN\" \"http://mybatis.org/dtd/mybatis-3-mapper.dtd\">\n";

    private static List<MyBatisMappers.Statement> parse(String xml) throws MyBatisMappers.MapperException {
        return MyBatisMappers.parse(xml.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void statementsFragmentsAndNames() throws Exception {
        List<MyBatisMappers.Statement> s = parse("<?xml version=\"1.0\"?>\n" + DOCTYPE
                + "<mapper namespace=\"a.B\">\n"
                + "  <sql id=\"order\">ORDER BY ${ column }</sql>\n"
                + "  <select id=\"find\">SELECT * FROM t WHERE a = #{a} AND b = '${b.name}' <include refid=\"order\"/></select>\n"
                + "  <update id=\"cols\"><foreach collection=\"list\" item=\"c\">${c}</foreach><bind name=\"p\" value=\"'%' + q + '%'\"/>${p}</update>\n"
                + "</mapper>\n");
        assertEquals(3, s.size());
        assertEquals(new MyBatisMappers.Statement("a.B", "order", true, 4, List.of("column"), List.of()), s.get(0));
        assertEquals(new MyBatisMappers.Statement("a.B", "find", false, 5, List.of("b"), List.of("order")), s.get(1));
        assertEquals(List.of("list", "q"), s.get(2).names());
    }

    @Test
    void otherXmlIsNoMapper() throws Exception {
        assertEquals(List.of(), parse("<beans><select id=\"x\">${y}</select></beans>"));
        assertEquals(List.of(), parse("<mapper><select id=\"x\">${y}</select></mapper>"));
        assertFalse(MyBatisMappers.looksLikeMapper("<beans/>".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void externalEntitiesAreNeverRead() {
        String xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE mapper [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
                + "<mapper namespace=\"a.B\"><select id=\"s\">&x; ${y}</select></mapper>";
        MyBatisMappers.MapperException e = assertThrows(MyBatisMappers.MapperException.class, () -> parse(xxe));
        assertFalse(e.getMessage().contains("root:"), e.getMessage());
    }

    @Test
    void entityExpansionIsRefused() {
        StringBuilder lol = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE mapper [<!ENTITY a \"aaaaaaaaaa\">");
        for (int i = 1; i < 10; i++) {
            lol.append("<!ENTITY a").append(i).append(" \"").append(("&a" + (i == 1 ? "" : String.valueOf(i - 1)) + ";").repeat(10)).append("\">");
        }
        lol.append("]>\n<mapper namespace=\"a.B\"><select id=\"s\">&a9;</select></mapper>");
        assertThrows(MyBatisMappers.MapperException.class, () -> parse(lol.toString()));
    }

    @Test
    void boundedDepthSizeAndMalformedInput() {
        String deep = "<mapper namespace=\"a.B\"><select id=\"s\">" + "<if test=\"x\">".repeat(200) + "${y}"
                + "</if>".repeat(200) + "</select></mapper>";
        assertThrows(MyBatisMappers.MapperException.class, () -> parse(deep));
        byte[] big = new byte[MyBatisMappers.MAX_FILE_BYTES + 1];
        assertThrows(MyBatisMappers.MapperException.class, () -> MyBatisMappers.parse(big));
        assertThrows(MyBatisMappers.MapperException.class, () -> parse("<mapper namespace=\"a.B\"><select id=\"s\">${y}</mapper>"));
        assertTrue(MyBatisMappers.looksLikeMapper("<mapper namespace=\"a\">".getBytes(StandardCharsets.UTF_8)));
    }
}
