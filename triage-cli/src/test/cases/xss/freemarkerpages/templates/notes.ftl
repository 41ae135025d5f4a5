<html><body>
<h1>${title?html}</h1>
<#list notes as n>
<p>${n}</p>
</#list>
</body></html>
