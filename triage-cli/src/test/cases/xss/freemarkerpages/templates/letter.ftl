<#-- ${patientName} in a comment is not written -->
<html><body>
<p>Dear ${patientName?html},</p>
<#escape x as x?html>
<p>Your clinic: ${clinic}</p>
</#escape>
</body></html>
