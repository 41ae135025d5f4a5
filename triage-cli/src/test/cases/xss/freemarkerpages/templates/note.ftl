<#escape x as x?html>
<html><body>
<p>Clinic: ${clinic!"Riverside"}</p>
<#noescape><div class="note">${note}</div></#noescape>
</body></html>
</#escape>
