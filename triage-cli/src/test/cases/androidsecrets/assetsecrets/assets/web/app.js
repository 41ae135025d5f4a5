/* portal bundle */
var ICON="data:image/png;base64,vXGNtG2PAhwT8eKw5yaLCdVelY0lbiAKTl3m7sv43ArmWzWuP6oaWseP4t9o+Z6/J+zuPN0pAIzaSyD8w3Kq9LmNpQrStUvWxYz0123456789AbCdE+czPLeFpBi287FXI7mnNq928zz9EKMmzG2HfCdt4ODPR63VZTtLL3zo5BqgxZlRH3RH3xUdZpIJmrfvXiVTwBx3g";
function notify(msg){
  return fetch("https://hooks.slack.com/services/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",{method:"POST",body:JSON.stringify({text:msg})});
}
var chat={token:"xoxb-136193990916-9985435346247-u7W7eaDNKgeInGqi7w4e4pxs"};
