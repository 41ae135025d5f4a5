package org.example.portal.api;

import java.util.List;
import java.util.Map;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** MyBatis mapper for the ward list; the statements are in mapper/WardPatientMapper.xml. */
@Mapper
public interface WardPatientMapper {
    /** {@code ORDER BY ${sort}}: the sort column is substituted into the SQL text. */
    List<Map<String, Object>> listWard(@Param("ward") String ward, @Param("sort") String sort);

    /** Only bound parameters ({@code #{ward}}). */
    List<Map<String, Object>> listWardByName(@Param("ward") String ward);
}
