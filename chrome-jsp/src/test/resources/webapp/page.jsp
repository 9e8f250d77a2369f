<%@ page contentType="text/html;charset=UTF-8" %>
<%@ taglib prefix="chrome" uri="https://sitechrome.io/tags" %>
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>JSP page</title>
<chrome:head/>
</head>
<body>
<chrome:cookie-banner/>
<chrome:skip-link/>
<chrome:banners/>
<div id="top"><chrome:header/></div>
<main id="main">
<h1>JSP page</h1>
<chrome:allows category="analytics"><p id="tracked">Analytics is on.</p></chrome:allows>
<chrome:allows category="necessary"><p id="required">Necessary cookies are always on.</p></chrome:allows>
</main>
<div id="bottom"><chrome:footer/></div>
<chrome:scripts/>
</body>
</html>
