package corpus.sqli.mybatismapper;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

import java.util.List;
import java.util.Map;

/** The patient mapper; its statements are in mapper/PatientMapper.xml. */
@Mapper
public interface PatientMapper {
    List<Map<String, Object>> findByLastName(@Param("name") String name);

    List<Map<String, Object>> findByLastNameBound(@Param("name") String name);

    List<Map<String, Object>> listSorted(@Param("sort") String sort);

    /** Bound by the compiled parameter names (javac -parameters, as Spring Boot builds compile). */
    List<Map<String, Object>> search(String ward, String sort);

    List<Map<String, Object>> listByDoctor(@Param("doctor") String doctor, @Param("column") String column);

    List<Map<String, Object>> selectColumns(@Param("columns") List<String> columns);

    /** A single parameter object: ${lastName} is its property. */
    List<Map<String, Object>> findByExample(PatientQuery query);

    List<Map<String, Object>> findLike(@Param("name") String name);

    int countInWard(@Param("ward") String ward, @Param("limit") int limit);
}
