package dev.triage.analysis;

import dev.triage.analysis.value.Taint;
import dev.triage.analysis.value.Value;
import dev.triage.contract.Location;
import dev.triage.intake.CodeRole;
import dev.triage.intake.ResourceEntry;
import dev.triage.program.ClassInfo;
import dev.triage.program.MethodInfo;
import dev.triage.program.MethodRef;
import dev.triage.program.Program;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AnnotationNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A whole-program analysis: which parameters of the app's MyBatis mapper interfaces their SQL statements substitute
 * as text ({@code ${name}}) rather than bind ({@code #{name}}). Statements come from mapper XML files the app ships
 * ({@code <mapper namespace="...">} with {@code select}, {@code insert}, {@code update}, {@code delete}; {@code <sql>}
 * fragments they {@code <include>}; {@code <foreach>} items and {@code <bind>} names stand for what they are made
 * from), from statement annotations ({@code @Select}...) and from provider methods ({@code @SelectProvider}...: the
 * SQL text the provider returns is built from its parameters). A statement's {@code ${name}} is matched to the mapper
 * method's parameter by {@code @Param}, by the compiled parameter name, by {@code paramN}/{@code argN}, or is the single
 * parameter (a bean's property, {@code _parameter}). Which annotations and elements mean what is data
 * ({@code taint/mybatis.yml}).
 *
 * <p>Mapper XML is hostile input: files are bounded in size, elements in depth and number, DTDs are never read and
 * entities never resolved; a mapper file that cannot be read is a problem line, and the rest of the app is analysed.
 */
public final class MyBatisMappers {
    public static final AnalysisId<MyBatisMappers> ID = AnalysisId.of("mybatis-mappers", MyBatisMappers::new);

    /** Largest mapper XML file read. */
    static final int MAX_FILE_BYTES = 2 << 20;
    /** Mapper XML files read per scan. */
    static final int MAX_FILES = 5_000;
    static final int MAX_DEPTH = 64;
    static final int MAX_ELEMENTS = 100_000;
    /** How deep {@code <include>}s are followed. */
    static final int MAX_INCLUDE_DEPTH = 8;

    private static final Pattern SUBSTITUTION = Pattern.compile("\\$\\{\\s*([A-Za-z_$][\\w$]*)");
    private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w$.'\"])([A-Za-z_$][\\w$]*)");

    /**
     * A mapper method's parameter its statement substitutes as SQL text.
     *
     * @param param     the declared parameter index
     * @param name      the substitution's name as written ({@code sort} of {@code ${sort}})
     * @param statement where the statement is (the mapper XML line, or the mapper interface)
     */
    public record Substitution(int param, String name, Location statement) {
    }

    /** One statement (or fragment) of a mapper file: the names it substitutes and the fragments it includes. */
    public record Statement(String namespace, String id, boolean fragment, int line, List<String> names, List<String> includes) {
    }

    /** The file is a mapper but cannot be read. */
    public static final class MapperException extends Exception {
        public MapperException(String message) {
            super(message, null, false, false);
        }
    }

    private final AnalysisContext ctx;
    private volatile Map<String, List<Substitution>> byMethod;

    private MyBatisMappers(AnalysisContext ctx) {
        this.ctx = ctx;
    }

    /** The parameters a call of this app mapper method substitutes into SQL text (empty for any other method). */
    public List<Substitution> substitutions(String owner, String name) {
        Map<String, List<Substitution>> m = byMethod;
        if (m == null) {
            synchronized (this) {
                if (byMethod == null) byMethod = compute();
                m = byMethod;
            }
        }
        return m.getOrDefault(owner + "." + name, List.of());
    }

    private Map<String, List<Substitution>> compute() {
        Program program = ctx.program();
        Map<String, Set<String>> statementAnnotations = new HashMap<>();
        Set<String> statements = descriptors("mybatis-statement-annotations");
        Set<String> providers = descriptors("mybatis-provider-annotations");
        Set<String> params = descriptors("mybatis-param-annotations");
        Map<String, List<Substitution>> out = new TreeMap<>();
        // annotated statements and providers on the app's interfaces
        for (Program.AppClass ac : program.appClasses()) {
            ClassInfo info = ac.info();
            if (!info.isInterface()) continue;
            boolean annotated = false;
            for (MethodInfo mi : info.methods()) {
                if (mi.annotations().stream().anyMatch(a -> statements.contains(a) || providers.contains(a))) annotated = true;
            }
            if (!annotated) continue;
            ClassNode cn = ctx.classNode(info.name());
            if (cn == null) continue;
            for (MethodNode m : cn.methods) {
                for (AnnotationNode a : annotations(m)) {
                    Location at = Location.inCode(info.name(), m.name, m.desc, info.sourcePath(), 0, info.origin());
                    if (statements.contains(a.desc)) {
                        StringBuilder sql = new StringBuilder();
                        Object v = value(a, "value");
                        if (v instanceof List<?> l) l.forEach(x -> sql.append(x).append(' '));
                        else if (v != null) sql.append(v);
                        List<String> names = new ArrayList<>();
                        substitutions(sql.toString(), names);
                        for (String n : names) add(out, info.name(), m, params, n, at);
                    } else if (providers.contains(a.desc)) {
                        provider(out, info.name(), m, a, params, at);
                    }
                }
            }
        }
        // mapper XML files
        Set<String> elements = ctx.models().stringSet("mybatis-statement-elements");
        Map<String, Statement> fragments = new HashMap<>();
        List<Map.Entry<ResourceEntry, Statement>> found = new ArrayList<>();
        int files = 0;
        for (ResourceEntry r : program.resources()) {
            if (r.role() != CodeRole.APP || !r.name().endsWith(".xml") || !looksLikeMapper(r.bytes())) continue;
            if (++files > MAX_FILES) {
                ctx.problem("mybatis: more than " + MAX_FILES + " mapper XML files; " + r.name() + " and later ones not read");
                break;
            }
            try {
                for (Statement s : parse(r.bytes(), elements)) {
                    if (s.fragment()) {
                        fragments.putIfAbsent(s.namespace() + "." + s.id(), s);
                        fragments.putIfAbsent(s.id(), s);
                    } else {
                        found.add(Map.entry(r, s));
                    }
                }
            } catch (MapperException e) {
                ctx.problem("mybatis mapper " + r.name() + " (" + r.origin() + ") not read: " + e.getMessage());
            }
        }
        for (Map.Entry<ResourceEntry, Statement> e : found) {
            Statement s = e.getValue();
            String owner = s.namespace().replace('.', '/');
            if (!program.isApp(owner)) continue;
            ClassNode cn = ctx.classNode(owner);
            if (cn == null) continue;
            Set<String> names = new LinkedHashSet<>(s.names());
            included(s, fragments, names, 0, new java.util.HashSet<>());
            Location at = Location.inResource(e.getKey().name(), s.line(), e.getKey().origin());
            for (MethodNode m : cn.methods) {
                if (!m.name.equals(s.id())) continue;
                for (String n : names) add(out, owner, m, params, n, at);
            }
        }
        Map<String, List<Substitution>> frozen = new HashMap<>();
        out.forEach((k, v) -> frozen.put(k, List.copyOf(v)));
        return Collections.unmodifiableMap(frozen);
    }

    /** The names the fragments a statement includes substitute (transitively, bounded, cycle-safe). */
    private static void included(Statement s, Map<String, Statement> fragments, Set<String> names, int depth, Set<String> seen) {
        if (depth >= MAX_INCLUDE_DEPTH) return;
        for (String ref : s.includes()) {
            Statement f = fragments.get(s.namespace() + "." + ref);
            if (f == null) f = fragments.get(ref);
            if (f == null || !seen.add(f.namespace() + "." + f.id())) continue;
            names.addAll(f.names());
            included(f, fragments, names, depth + 1, seen);
        }
    }

    /**
     * A provider method ({@code @SelectProvider(type = X.class, method = "m")}): the SQL text it returns is built from
     * its parameters, each then substituted into SQL like {@code ${}}; a provider taking one parameter (the parameter
     * object or map) stands for every mapper parameter.
     */
    private void provider(Map<String, List<Substitution>> out, String owner, MethodNode mapper, AnnotationNode a, Set<String> params,
                          Location at) {
        Object type = value(a, "type");
        if (type == null) type = value(a, "value");
        if (!(type instanceof Type t) || t.getSort() != Type.OBJECT) return;
        Object method = value(a, "method");
        String name = method == null ? mapper.name : method.toString();
        if (!ctx.program().isApp(t.getInternalName())) return;
        ClassNode provider = ctx.classNode(t.getInternalName());
        if (provider == null) return;
        int mapperParams = Type.getArgumentTypes(mapper.desc).length;
        for (MethodNode pm : provider.methods) {
            if (!pm.name.equals(name) || !Type.getReturnType(pm.desc).getDescriptor().equals("Ljava/lang/String;")) continue;
            Value returned = ctx.returnSummary(new MethodRef(provider.name, pm.name, pm.desc), 1);
            if (returned == null) continue;
            int providerParams = Type.getArgumentTypes(pm.desc).length;
            for (String l : returned.labels()) {
                int p = Taint.param(l);
                if (p < 0 || !Taint.reaches(l, "sql-injection")) continue;
                if (providerParams == mapperParams) {
                    addParam(out, owner, mapper, p, "provider " + provider.name.replace('/', '.') + "." + pm.name, at);
                } else if (providerParams == 1) {
                    for (int i = 0; i < mapperParams; i++) {
                        addParam(out, owner, mapper, i, "provider " + provider.name.replace('/', '.') + "." + pm.name, at);
                    }
                }
            }
            Set<String> constants = returned.strings();
            if (constants != null) {
                for (String c : constants) {
                    List<String> names = new ArrayList<>();
                    substitutions(c, names);
                    for (String n : names) add(out, owner, mapper, params, n, at);
                }
            }
        }
    }

    /** A substitution name matched to the mapper method's parameters. */
    private static void add(Map<String, List<Substitution>> out, String owner, MethodNode m, Set<String> paramAnnotations,
                            String name, Location at) {
        int p = parameter(m, paramAnnotations, name);
        if (p >= 0) addParam(out, owner, m, p, name, at);
    }

    private static void addParam(Map<String, List<Substitution>> out, String owner, MethodNode m, int p, String name, Location at) {
        Type[] args = Type.getArgumentTypes(m.desc);
        if (p >= args.length || (args[p].getSort() != Type.OBJECT && args[p].getSort() != Type.ARRAY)) return;
        List<Substitution> list = out.computeIfAbsent(owner + "." + m.name, k -> new ArrayList<>());
        for (Substitution s : list) if (s.param() == p) return;
        list.add(new Substitution(p, name, at));
    }

    /**
     * The parameter a substitution names, as MyBatis binds it: {@code @Param("x")}, the compiled name (javac
     * {@code -parameters}, which Spring Boot builds use), {@code paramN} (1-based) or {@code argN} (0-based); with a
     * single parameter, any other name is that parameter (its property, or {@code _parameter}). -1 when none.
     */
    static int parameter(MethodNode m, Set<String> paramAnnotations, String name) {
        int n = Type.getArgumentTypes(m.desc).length;
        if (n == 0) return -1;
        for (int i = 0; i < n; i++) {
            if (m.visibleParameterAnnotations == null || i >= m.visibleParameterAnnotations.length
                    || m.visibleParameterAnnotations[i] == null) continue;
            for (AnnotationNode a : m.visibleParameterAnnotations[i]) {
                if (paramAnnotations.contains(a.desc) && name.equals(value(a, "value"))) return i;
            }
        }
        if (m.parameters != null) {
            for (int i = 0; i < m.parameters.size() && i < n; i++) if (name.equals(m.parameters.get(i).name)) return i;
        }
        Matcher pm = Pattern.compile("param([1-9]\\d{0,2})").matcher(name);
        if (pm.matches() && Integer.parseInt(pm.group(1)) <= n) return Integer.parseInt(pm.group(1)) - 1;
        Matcher am = Pattern.compile("arg(\\d{1,3})").matcher(name);
        if (am.matches() && Integer.parseInt(am.group(1)) < n) return Integer.parseInt(am.group(1));
        return n == 1 ? 0 : -1;
    }

    /** Cheap test before a parse: a {@code <mapper} element in the first bytes. */
    static boolean looksLikeMapper(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.ISO_8859_1);
        return head.contains("<mapper");
    }

    /**
     * The statements and fragments of one mapper XML file; a file whose root is not {@code <mapper namespace>} has none.
     * Never reads a DTD or resolves an entity; bounded in size, depth and elements.
     */
    public static List<Statement> parse(byte[] xml) throws MapperException {
        return parse(xml, Set.of("select", "insert", "update", "delete"));
    }

    static List<Statement> parse(byte[] xml, Set<String> statementElements) throws MapperException {
        if (xml.length > MAX_FILE_BYTES) throw new MapperException("larger than " + MAX_FILE_BYTES + " bytes");
        XMLInputFactory f = dev.triage.program.android.XmlTree.hardenedFactory();
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        f.setXMLResolver((publicId, systemId, base, ns) -> new ByteArrayInputStream(new byte[0]));
        List<Statement> out = new ArrayList<>();
        XMLStreamReader r = null;
        try {
            r = f.createXMLStreamReader(new ByteArrayInputStream(xml));
            String namespace = null;
            int depth = 0;
            int elements = 0;
            // the statement or fragment being read: its id, line, names and includes
            String id = null;
            boolean fragment = false;
            int line = 0;
            int statementDepth = -1;
            List<String> names = new ArrayList<>();
            List<String> includes = new ArrayList<>();
            // foreach items and bind names: what they stand for, innermost last
            Deque<Map<String, List<String>>> aliases = new ArrayDeque<>();
            while (r.hasNext()) {
                int ev = r.next();
                if (ev == XMLStreamConstants.START_ELEMENT) {
                    depth++;
                    if (depth > MAX_DEPTH) throw new MapperException("elements nested deeper than " + MAX_DEPTH);
                    if (++elements > MAX_ELEMENTS) throw new MapperException("more than " + MAX_ELEMENTS + " elements");
                    String el = r.getLocalName();
                    if (depth == 1) {
                        if (!el.equals("mapper")) return List.of();
                        namespace = r.getAttributeValue(null, "namespace");
                        if (namespace == null || namespace.isBlank()) return List.of();
                        continue;
                    }
                    Map<String, List<String>> scope = new HashMap<>();
                    if (depth == 2 && (statementElements.contains(el) || el.equals("sql"))) {
                        id = r.getAttributeValue(null, "id");
                        fragment = el.equals("sql");
                        line = r.getLocation().getLineNumber();
                        statementDepth = depth;
                        names = new ArrayList<>();
                        includes = new ArrayList<>();
                        aliases.clear();
                    } else if (statementDepth > 0) {
                        switch (el) {
                            case "include" -> {
                                String ref = r.getAttributeValue(null, "refid");
                                if (ref != null) includes.add(ref.strip());
                            }
                            case "foreach" -> {
                                String item = r.getAttributeValue(null, "item");
                                String index = r.getAttributeValue(null, "index");
                                String collection = r.getAttributeValue(null, "collection");
                                List<String> from = collection == null ? List.of() : identifiers(collection, aliases);
                                if (item != null) scope.put(item.strip(), from);
                                if (index != null) scope.put(index.strip(), from);
                            }
                            case "bind" -> {
                                String name = r.getAttributeValue(null, "name");
                                String value = r.getAttributeValue(null, "value");
                                if (name != null && value != null) {
                                    // a bind is visible to the rest of its statement: keep it in the outermost scope
                                    Map<String, List<String>> outer = aliases.peekFirst();
                                    if (outer != null) outer.put(name.strip(), identifiers(value, aliases));
                                    else scope.put(name.strip(), identifiers(value, aliases));
                                }
                            }
                            default -> {
                            }
                        }
                    }
                    aliases.addLast(scope);
                } else if (ev == XMLStreamConstants.END_ELEMENT) {
                    if (depth >= 2 && !aliases.isEmpty()) aliases.removeLast();
                    if (depth == statementDepth) {
                        if (id != null && !id.isBlank()) {
                            out.add(new Statement(namespace, id.strip(), fragment, line, List.copyOf(new LinkedHashSet<>(names)),
                                    List.copyOf(includes)));
                        }
                        statementDepth = -1;
                        id = null;
                    }
                    depth--;
                } else if ((ev == XMLStreamConstants.CHARACTERS || ev == XMLStreamConstants.CDATA) && statementDepth > 0) {
                    List<String> raw = new ArrayList<>();
                    substitutions(r.getText(), raw);
                    for (String n : raw) names.addAll(resolve(n, aliases, 0));
                } else if (ev == XMLStreamConstants.ENTITY_REFERENCE) {
                    throw new MapperException("entity reference &" + r.getLocalName() + "; (entities are never resolved)");
                }
            }
        } catch (XMLStreamException | RuntimeException e) {
            String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
            throw new MapperException(m.length() > 200 ? m.substring(0, 200) + "..." : m);
        } catch (StackOverflowError e) {
            throw new MapperException("too deeply nested");
        } finally {
            if (r != null) {
                try {
                    r.close();
                } catch (XMLStreamException ignored) {
                    // nothing held
                }
            }
        }
        return out;
    }

    /** The first names of the {@code ${...}} substitutions in a text, in order. */
    static void substitutions(String text, List<String> out) {
        Matcher m = SUBSTITUTION.matcher(text);
        while (m.find()) out.add(m.group(1));
    }

    /** A name as the mapper method sees it: a foreach item or bind name stands for the names it is made from. */
    private static List<String> resolve(String name, Deque<Map<String, List<String>>> aliases, int depth) {
        if (depth > 8) return List.of();
        for (var it = aliases.descendingIterator(); it.hasNext(); ) {
            List<String> from = it.next().get(name);
            if (from == null) continue;
            List<String> out = new ArrayList<>();
            for (String f : from) if (!f.equals(name)) out.addAll(resolve(f, aliases, depth + 1));
            return out;
        }
        return List.of(name);
    }

    /** The identifiers an OGNL expression reads (first path segments; string literals and keywords left out). */
    private static List<String> identifiers(String expression, Deque<Map<String, List<String>>> aliases) {
        String noStrings = expression.replaceAll("'[^']*'|\"[^\"]*\"", " ");
        List<String> out = new ArrayList<>();
        Matcher m = IDENTIFIER.matcher(noStrings);
        while (m.find()) {
            String id = m.group(1);
            if (Set.of("and", "or", "not", "null", "true", "false", "eq", "neq", "lt", "gt", "lte", "gte", "in", "new").contains(id)) continue;
            out.addAll(resolve(id, aliases, 0));
        }
        return out;
    }

    private static List<AnnotationNode> annotations(MethodNode m) {
        List<AnnotationNode> out = new ArrayList<>();
        if (m.visibleAnnotations != null) out.addAll(m.visibleAnnotations);
        if (m.invisibleAnnotations != null) out.addAll(m.invisibleAnnotations);
        return out;
    }

    private static Object value(AnnotationNode a, String name) {
        if (a.values == null) return null;
        for (int i = 0; i + 1 < a.values.size(); i += 2) if (name.equals(a.values.get(i))) return a.values.get(i + 1);
        return null;
    }

    private Set<String> descriptors(String table) {
        Set<String> out = new LinkedHashSet<>();
        for (String s : ctx.models().stringSet(table)) out.add("L" + s.replace('.', '/') + ";");
        return out;
    }
}
