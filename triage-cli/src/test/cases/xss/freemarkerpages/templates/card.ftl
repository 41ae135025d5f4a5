<html><body>
<p>${patientName?html}</p>
<p>Call us: ${clinicPhone}</p>
</body></html>
