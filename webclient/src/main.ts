console.log("hearth");
