@description('Azure OpenAI account name (also its custom subdomain).')
param name string

@description('Azure region.')
param location string

@description('Tags every resource carries.')
param tags object

@description('The fine-tuned student: deployment name, model name (e.g. gpt-4o-mini-2024-07-18.ft-…), version, SKU and capacity.')
param student object

@description('The teacher: deployment name, model name, version, SKU and capacity.')
param teacher object

resource openai 'Microsoft.CognitiveServices/accounts@2024-10-01' = {
  name: name
  location: location
  tags: tags
  kind: 'OpenAI'
  sku: { name: 'S0' }
  properties: {
    customSubDomainName: name
    disableLocalAuth: true
    publicNetworkAccess: 'Enabled'
  }
}

resource teacherDeployment 'Microsoft.CognitiveServices/accounts/deployments@2024-10-01' = {
  parent: openai
  name: teacher.deployment
  sku: { name: teacher.sku, capacity: teacher.capacity }
  properties: {
    model: { format: 'OpenAI', name: teacher.model, version: teacher.version }
  }
}

// Deployments of one account are created one at a time.
resource studentDeployment 'Microsoft.CognitiveServices/accounts/deployments@2024-10-01' = {
  parent: openai
  name: student.deployment
  sku: { name: student.sku, capacity: student.capacity }
  properties: {
    model: { format: 'OpenAI', name: student.model, version: student.version }
  }
  dependsOn: [teacherDeployment]
}

output id string = openai.id
output endpoint string = openai.properties.endpoint
output studentDeployment string = studentDeployment.name
output teacherDeployment string = teacherDeployment.name
