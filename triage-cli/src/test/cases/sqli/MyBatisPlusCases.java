package corpus.sqli;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.core.conditions.query.QueryWrapper;
import com.baomidou.mybatisplus.core.conditions.update.UpdateWrapper;
import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import com.github.pagehelper.Page;
import com.github.pagehelper.PageHelper;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * A MyBatis-Plus patient API: wrappers bind the values of eq/like/in, but apply/last/having/exists/setSql text, the
 * *Sql sub-queries and a QueryWrapper's column names go into the SQL as written.
 */
@RestController
public class MyBatisPlusCases {
    public static class Patient {
        private String lastName;

        public String getLastName() {
            return lastName;
        }
    }

    public interface PatientMapper extends BaseMapper<Patient> {
    }

    private final PatientMapper mapper;

    public MyBatisPlusCases(PatientMapper mapper) {
        this.mapper = mapper;
    }

    @GetMapping("/mp/recent")
    public List<Patient> badLast(@RequestParam String limit) {
        QueryWrapper<Patient> q = new QueryWrapper<Patient>().eq("active", 1);
        q.last("LIMIT " + limit); // BUG: java/sql-injection
        return mapper.selectList(q);
    }

    @GetMapping("/mp/year")
    public List<Patient> badApply(@RequestParam String year) {
        QueryWrapper<Patient> q = new QueryWrapper<>();
        q.apply("date_format(admitted, '%Y') = " + year); // BUG: java/sql-injection
        return mapper.selectList(q);
    }

    @GetMapping("/mp/year-bound")
    public List<Patient> goodApplyPlaceholder(@RequestParam String year) {
        QueryWrapper<Patient> q = new QueryWrapper<>();
        q.apply("date_format(admitted, '%Y') = {0}", year);
        return mapper.selectList(q);
    }

    @GetMapping("/mp/sorted")
    public List<Patient> badOrderByColumn(@RequestParam String sort) {
        QueryWrapper<Patient> q = new QueryWrapper<>();
        q.orderByAsc(sort); // BUG: java/sql-injection
        return mapper.selectList(q);
    }

    @GetMapping("/mp/sorted-safe")
    public List<Patient> goodOrderByAllowList(@RequestParam String sort) {
        QueryWrapper<Patient> q = new QueryWrapper<>();
        q.orderByDesc("ward".equals(sort) ? "ward" : "last_name");
        return mapper.selectList(q);
    }

    @GetMapping("/mp/by-doctor")
    public List<Patient> badInSql(@RequestParam String doctor) {
        QueryWrapper<Patient> q = new QueryWrapper<>();
        q.inSql("id", "SELECT patient_id FROM visit WHERE doctor = '" + doctor + "'"); // BUG: java/sql-injection
        return mapper.selectList(q);
    }

    @GetMapping("/mp/by-ids")
    public List<Patient> goodIn(@RequestParam List<String> ids) {
        return mapper.selectList(new QueryWrapper<Patient>().in("id", ids));
    }

    @GetMapping("/mp/busy")
    public List<Patient> badHaving(@RequestParam String min) {
        QueryWrapper<Patient> q = new QueryWrapper<Patient>().groupBy("ward");
        q.having("count(*) > " + min); // BUG: java/sql-injection
        return mapper.selectList(q);
    }

    @GetMapping("/mp/visited")
    public List<Patient> badExists(@RequestParam String clinic) {
        QueryWrapper<Patient> q = new QueryWrapper<>();
        q.exists("SELECT 1 FROM visit v WHERE v.clinic = '" + clinic + "'"); // BUG: java/sql-injection
        return mapper.selectList(q);
    }

    @PostMapping("/mp/note")
    public int badSetSql(@RequestParam String id, @RequestParam String note) {
        UpdateWrapper<Patient> u = new UpdateWrapper<Patient>().eq("id", id);
        u.setSql("note = '" + note + "'"); // BUG: java/sql-injection
        return mapper.update(null, u);
    }

    @PostMapping("/mp/note-bound")
    public int goodSet(@RequestParam String id, @RequestParam String note) {
        return mapper.update(null, new UpdateWrapper<Patient>().eq("id", id).set("note", note));
    }

    @GetMapping("/mp/name")
    public List<Patient> goodBoundValues(@RequestParam String name) {
        return mapper.selectList(new QueryWrapper<Patient>().eq("last_name", name).like("first_name", name));
    }

    @GetMapping("/mp/lambda")
    public List<Patient> goodLambdaWrapper(@RequestParam String name) {
        return mapper.selectList(new LambdaQueryWrapper<Patient>().eq(Patient::getLastName, name).orderByAsc(Patient::getLastName));
    }

    @GetMapping("/page/unsafe")
    public Page<Patient> badUnsafeOrderBy(@RequestParam String order) {
        Page<Patient> page = PageHelper.startPage(1, 20);
        page.setUnsafeOrderBy(order); // BUG: java/sql-injection
        return page;
    }

    @GetMapping("/page/checked")
    public Page<Patient> goodCheckedOrderBy() {
        return PageHelper.startPage(1, 20, "last_name");
    }
}
