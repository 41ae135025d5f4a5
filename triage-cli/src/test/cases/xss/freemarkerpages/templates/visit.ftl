<#-- A visit page: ${patientName} is written as it is (plain .ftl, no output format) -->
<html><body>
<h1>Visit of ${patientName}</h1>
</body></html>
